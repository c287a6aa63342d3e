import { brokenErrorCodes, currentErrorCodes, printErrorCodes, readShippedErrorCodes } from './error-codes';

describe('error codes are API (error-codes.json)', () => {
  const shipped = readShippedErrorCodes();
  const current = currentErrorCodes();

  it('still sends every shipped code, with the kind it shipped with', () => {
    expect(brokenErrorCodes(shipped, current)).toEqual([]);
  });

  it('lists every code sent today (run `npm run compose` after adding one)', () => {
    expect(printErrorCodes(shipped, {})).toBe(printErrorCodes(shipped, current));
  });

  it('catches a removed, a renamed and a re-kinded code, and lets an added one pass', () => {
    const area = { A: 'BAD_USER_INPUT', B: 'NOT_FOUND', C: 'CONFLICT' };
    expect(brokenErrorCodes({ x: area }, { x: { A: 'BAD_USER_INPUT', B2: 'NOT_FOUND', C: 'FORBIDDEN', D: 'CONFLICT' } })).toEqual([
      'x: B was removed or renamed',
      'x: C changed from CONFLICT to FORBIDDEN',
    ]);
    expect(brokenErrorCodes({ x: area }, { x: { ...area, D: 'CONFLICT' }, y: { E: 'REJECTION' } })).toEqual([]);
  });

  it('tells the areas apart: the same code in two areas is two entries', () => {
    expect(Object.keys(current)).toEqual(expect.arrayContaining(['domain-parcel', 'tracking-subgraph', 'network-subgraph', 'auth', 'scan-rejections']));
    expect(current['tracking-subgraph']?.['WAYBILL_NOT_FOUND']).toBe('NOT_FOUND');
    expect(current['auth']?.['SCOPE_MISSING']).toBe('FORBIDDEN');
  });
});
