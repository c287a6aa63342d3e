import { keyedLoader } from './loaders';
import { AppError } from './errors';
import { selectList, wholeRow, withDates } from './page-rows';

const COLUMNS = [
  ['depot_id', 'depotId'],
  ['name', 'name'],
  ['opened_at', 'openedAt'],
  ['area_m2::float8', 'areaM2'],
] as const;

describe('selectList', () => {
  it('selects every column under the alias, named as the row property', () => {
    expect(selectList('d', COLUMNS)).toBe('d.depot_id AS "depotId", d.name AS "name", d.opened_at AS "openedAt", d.area_m2::float8 AS "areaM2"');
  });

  it('selects only the page row properties, in table order', () => {
    expect(selectList('d', COLUMNS, { only: new Set(['openedAt', 'depotId'] as const) })).toBe('d.depot_id AS "depotId", d.opened_at AS "openedAt"');
  });

  it('selects timestamps as epoch milliseconds when asked', () => {
    expect(selectList('d', COLUMNS, { only: new Set(['depotId', 'openedAt'] as const), epochMs: new Set(['openedAt'] as const) })).toBe(
      'd.depot_id AS "depotId", (extract(epoch FROM d.opened_at) * 1000)::float8 AS "openedAt"',
    );
  });

  it('refuses a property without a column (a page row that would silently lack it)', () => {
    expect(() => selectList('d', COLUMNS, { only: new Set(['depotId', 'closedAt'] as never) })).toThrow('no column for closedAt');
  });
});

describe('withDates', () => {
  it('makes epoch milliseconds Dates and leaves nulls and other properties alone', () => {
    const row = withDates<{ depotId: string; openedAt: Date | null; closedAt: Date | null }>({ depotId: 'd1', openedAt: 1_700_000_000_123, closedAt: null }, ['openedAt', 'closedAt']);
    expect(row).toEqual({ depotId: 'd1', openedAt: new Date('2023-11-14T22:13:20.123Z'), closedAt: null });
  });
});

describe('wholeRow', () => {
  const ROWS = new Map([
    ['d1', { depotId: 'd1', name: 'North' }],
    ['d2', { depotId: 'd2', name: 'South' }],
  ]);
  let batches: string[][];
  const loader = () =>
    keyedLoader<string, { depotId: string; name: string }>(
      async (keys) => {
        batches.push([...keys]);
        return keys.flatMap((k) => ROWS.get(k) ?? []);
      },
      (row) => row.depotId,
    );
  beforeEach(() => (batches = []));
  const missing = () => new AppError('NOT_FOUND', 'DEPOT_NOT_FOUND', 'gone');

  it('loads the whole rows of a level in one batch, once per node whatever the number of fields', async () => {
    const depots = loader();
    const rows = await Promise.all(['d1', 'd2', 'd1', 'd2'].map((key) => wholeRow(depots, key, missing)));
    expect(rows.map((r) => r.name)).toEqual(['North', 'South', 'North', 'South']);
    expect(batches).toEqual([['d1', 'd2']]);
  });

  it('reads nothing for a row the loader already holds (primed, or loaded by key)', async () => {
    const depots = loader();
    depots.prime('d1', { depotId: 'd1', name: 'North (primed)' });
    expect((await wholeRow(depots, 'd1', missing)).name).toBe('North (primed)');
    expect(batches).toEqual([]);
  });

  it('throws the given error when the row is gone', async () => {
    await expect(wholeRow(loader(), 'd9', missing)).rejects.toMatchObject({ kind: 'NOT_FOUND', code: 'DEPOT_NOT_FOUND' });
  });
});
