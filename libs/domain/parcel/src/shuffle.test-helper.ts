import { random } from './random-timeline.test-helper';

/** For specs: a deterministic shuffle, so a failing order can be replayed. */
export function shuffledWithSeed<T>(items: readonly T[], seed: number): T[] {
  const r = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
