import { handoverTime } from './delivery-area';

describe('handoverTime', () => {
  const now = new Date('2026-11-23T08:00:00Z');
  it.each<[string, Date | null, Date | 'error']>([
    ['defaults to now', null, now],
    ['accepts the past', new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z')],
    ['tolerates a minute of clock skew', new Date('2026-11-23T08:00:59Z'), new Date('2026-11-23T08:00:59Z')],
    ['refuses the future', new Date('2026-11-23T08:05:00Z'), 'error'],
    ['refuses an invalid date', new Date('nope'), 'error'],
  ])('%s', (_name, at, expected) => {
    if (expected === 'error') expect(() => handoverTime(at, now)).toThrow(expect.objectContaining({ code: 'INVALID_HANDOVER_TIME' }));
    else expect(handoverTime(at, now)).toEqual(expected);
  });
});
