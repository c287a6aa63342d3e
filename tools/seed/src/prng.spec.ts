import { Random, hash32 } from './prng';

describe('Random', () => {
  it('repeats the same stream for the same seed and key', () => {
    const a = Random.for(7, 'outlet:440305-001');
    const b = Random.for(7, 'outlet:440305-001');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it.each([
    [1, 'x', 2, 'x'],
    [1, 'x', 1, 'y'],
  ])('differs for seed %d key %s vs seed %d key %s', (s1, k1, s2, k2) =>
    expect(Random.for(s1, k1).next()).not.toBe(Random.for(s2, k2).next()));

  it('stays in range', () => {
    const random = new Random(42);
    for (let i = 0; i < 1000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      expect(random.int(2, 4)).toBeGreaterThanOrEqual(2);
      expect(random.int(2, 4)).toBeLessThanOrEqual(4);
      expect(random.digits(3)).toMatch(/^\d{3}$/);
    }
  });

  it('shuffles without losing items', () =>
    expect(new Random(3).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]));

  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
  ])('hash32(%j) is FNV-1a %d', (text, hash) => expect(hash32(text)).toBe(hash));
});
