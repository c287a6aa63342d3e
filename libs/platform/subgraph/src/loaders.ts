import DataLoader from 'dataloader';

/**
 * A loader for rows by a unique key: one batched query per tick, results in key order and
 * `null` for misses, as DataLoader requires. Create it per request (never at module level:
 * a shared cache would leak one caller's rows to another).
 */
export function keyedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<readonly V[]>, keyOf: (row: V) => K, opts: { maxBatchSize?: number } = {}): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map<K, V>();
      for (const row of await fetch(keys)) byKey.set(keyOf(row), row);
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: opts.maxBatchSize ?? 1000 },
  );
}

/** A loader for one-to-many relations: every key gets its (possibly empty) list, in one query. */
export function groupedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<readonly V[]>, keyOf: (row: V) => K, opts: { maxBatchSize?: number } = {}): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
      for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k) ?? []);
    },
    { maxBatchSize: opts.maxBatchSize ?? 1000 },
  );
}
