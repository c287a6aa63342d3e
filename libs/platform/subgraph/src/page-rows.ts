import type DataLoader from 'dataloader';

/*
 * Page rows narrow, entity rows through the loader — how every connection reads its rows.
 *
 * A page selects only what its own query and its cheap fields read: the keys, the sort columns its
 * cursors are made of, the status, reference ids. Never the whole row: the driver's parsing of
 * forty columns (a dozen timestamps made Dates) for every node of a list cost more Node CPU than
 * the rest of the request when the page asked for two fields (bench/REPORT.md, outlet pages). The
 * timestamps a page does need travel as epoch milliseconds (`epochMs`), made Dates by `withDates`:
 * pg's parsing of timestamptz text was still most of a narrow page's driver time.
 *
 * A field that needs more of its row awaits `wholeRow(ctx.loaders.<entity>, key, …)`: the first such
 * field of each node asks the request's entity loader, which reads the rows of the whole level in
 * one query (every field of a node shares that one promise); a node built from a row the loader
 * read (by key, `_entities`) finds it in the cache, and rows read whole anyway can be primed into it.
 *
 * In a subgraph: `<entity>.row.ts` keeps one column table and derives both select lists from it
 * (`selectList`), the page query selects the narrow one, the object type is built from the narrow
 * row, and the resolver's fields beyond it go through `wholeRow` (tracking's waybill is the model).
 */

/** A row table: [SQL column or expression on the alias, row property]. */
export type ColumnTable<P extends string> = readonly (readonly [column: string, property: P])[];

/** What `selectList` selects: only some properties, some of them (timestamps) as epoch milliseconds. */
export interface SelectOptions<P extends string> {
  only?: ReadonlySet<P>;
  epochMs?: ReadonlySet<P>;
}

/** `a.created_at AS "createdAt", …`: the select list of a column table under `alias`. */
export function selectList<P extends string>(alias: string, columns: ColumnTable<P>, options: SelectOptions<P> = {}): string {
  const { only, epochMs } = options;
  const picked = only ? columns.filter(([, property]) => only.has(property)) : columns;
  if (only && picked.length !== only.size) {
    const known = new Set(columns.map(([, property]) => property));
    throw new Error(`selectList: no column for ${[...only].filter((p) => !known.has(p)).join(', ')}`);
  }
  return picked
    .map(([column, property]) =>
      epochMs?.has(property) ? `(extract(epoch FROM ${alias}.${column}) * 1000)::float8 AS "${property}"` : `${alias}.${column} AS "${property}"`,
    )
    .join(', ');
}

/** A raw row selected with `epochMs`, those properties made Dates (null stays null), in place. */
export function withDates<R>(raw: Record<string, unknown>, epochMs: Iterable<string>): R {
  for (const property of epochMs) {
    const ms = raw[property];
    if (typeof ms === 'number') raw[property] = new Date(ms);
  }
  return raw as R;
}

/**
 * The whole row of a node its page read narrow, through the request's entity loader (one query for
 * the level). `missing` is the error when the loader finds nothing: the row was deleted, or left the
 * caller's reach, between the page and this field.
 */
export async function wholeRow<K, R>(loader: DataLoader<K, R | null>, key: K, missing: () => Error): Promise<R> {
  const row = await loader.load(key);
  if (row === null || row === undefined) throw missing();
  return row;
}
