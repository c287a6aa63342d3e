import { decodeCursor, encodeCursor, pageSize, toPage, MAX_PAGE_SIZE } from './pagination';

describe('pagination', () => {
  it.each<[number | null | undefined, number | 'error']>([
    [undefined, 20],
    [null, 20],
    [1, 1],
    [MAX_PAGE_SIZE, MAX_PAGE_SIZE],
    [MAX_PAGE_SIZE + 1, 'error'],
    [100000, 'error'],
    [0, 'error'],
    [-5, 'error'],
    [2.5, 'error'],
  ])('pageSize(%p) → %p', (first, expected) => {
    if (expected === 'error') expect(() => pageSize(first)).toThrow(expect.objectContaining({ kind: 'BAD_USER_INPUT', code: 'INVALID_PAGE_SIZE' }));
    else expect(pageSize(first)).toBe(expected);
  });

  it('round-trips cursors and refuses forged ones', () => {
    const cursor = encodeCursor(['深圳南山', 'b2c']);
    expect(decodeCursor(cursor, 2)).toEqual(['深圳南山', 'b2c']);
    for (const bad of ['', 'x', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[{"$gt":1},1]').toString('base64url')]) {
      expect(() => decodeCursor(bad, 2)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    }
  });

  it('uses the extra row only to say there is a next page', () => {
    const rows = [1, 2, 3, 4];
    const page = toPage(rows, 3, null, (n) => encodeCursor([n]), (n) => ({ n }));
    expect(page.edges.map((e) => e.node.n)).toEqual([1, 2, 3]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor([1]), endCursor: encodeCursor([3]) });
    const last = toPage([4], 3, 'c', (n) => encodeCursor([n]), (n) => n);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    expect(toPage([], 3, null, String, (n) => n).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
