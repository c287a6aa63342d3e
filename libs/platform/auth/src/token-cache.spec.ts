import { ExpiringCache } from './token-cache';

describe('ExpiringCache', () => {
  it('returns a value until it expires, then forgets it', () => {
    const cache = new ExpiringCache<string>();
    cache.set('a', 'x', 1_000);
    expect(cache.get('a', 999)).toBe('x');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const cache = new ExpiringCache<number>(2);
    cache.set('a', 1, 10);
    cache.set('b', 2, 10);
    cache.set('c', 3, 10);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([undefined, 2, 3]);
  });
});
