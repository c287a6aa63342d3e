import { assertHeadlessSearchMade, isLostParcelClaim, type HeadlessSearchFacts } from './headless-search';

const AT = new Date('2026-12-02T02:00:00Z');
const search = (searchedAt: string): HeadlessSearchFacts => ({ id: 'hs-1', searchedAt: new Date(searchedAt), candidateCount: 3, policyVersion: 'headless-2026.1' });

describe('headless-parcel search (无头件查找) before a lost parcel is agreed and paid', () => {
  it.each([
    ['LOSS', null, true],
    ['DELAY', 'LOSS', true],
    ['DELAY', 'DELAY', false],
    ['DELAY', null, false],
    ['DAMAGE', 'DAMAGE', false],
    ['PARTIAL_LOSS', null, false],
    ['RETURN_FREIGHT', null, false],
    ['OVERCHARGE', null, false],
  ] as const)('%s treated as %s is a lost parcel: %s', (kind, treatedAs, lost) => {
    expect(isLostParcelClaim(kind, treatedAs)).toBe(lost);
  });

  it.each<[string, boolean, HeadlessSearchFacts | null, string | null]>([
    ['lost, searched the day before', true, search('2026-12-01T02:00:00Z'), null],
    ['lost, searched at the very moment', true, search('2026-12-02T02:00:00Z'), null],
    ['lost, never searched', true, null, 'HEADLESS_SEARCH_REQUIRED'],
    ['lost, the search dated after the payment', true, search('2026-12-02T02:00:01Z'), 'HEADLESS_SEARCH_REQUIRED'],
    ['not lost, never searched', false, null, null],
  ])('%s → %s', (_, lost, s, code) => {
    const run = () => assertHeadlessSearchMade({ lost, search: s, at: AT });
    if (code) expect(run).toThrow(expect.objectContaining({ code, kind: 'CONFLICT' }));
    else expect(run()).toBe(lost ? s : null);
  });
});
