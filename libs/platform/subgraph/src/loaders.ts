import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { canonicalId, isUuid } from '@courierdesk/domain-core';

/** How a loader compares keys: as given (default), or by a canonical form such as `canonicalId`. */
export interface LoaderOptions<K> {
  maxBatchSize?: number;
  /** Keys that mean the same row (a UUID in either case) share this form. */
  keyForm?: (key: K) => K;
}

/** The distinct UUIDs among keys other subgraphs or clients sent (they may carry anything), in the one canonical spelling. */
export const uuidKeys = (keys: readonly unknown[]): string[] => [...new Set(keys.filter(isUuid).map(canonicalId))];

/** A new row id. */
export const newId = (): string => randomUUID();

/** Options for a loader keyed by UUIDs: `A…` and `a…` name the same row. */
export const BY_UUID: LoaderOptions<string> = { keyForm: canonicalId };

/**
 * A loader for rows by a unique key: one batched query per tick, results in key order and
 * `null` for misses, as DataLoader requires. Create it per request (never at module level:
 * a shared cache would leak one caller's rows to another).
 */
export function keyedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<readonly V[]>, keyOf: (row: V) => K, opts: LoaderOptions<K> = {}): DataLoader<K, V | null> {
  const form = opts.keyForm ?? ((key: K) => key);
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map<K, V>();
      for (const row of await fetch(keys)) byKey.set(form(keyOf(row)), row);
      return keys.map((k) => byKey.get(form(k)) ?? null);
    },
    { maxBatchSize: opts.maxBatchSize ?? 1000 },
  );
}

/** A loader for one-to-many relations: every key gets its (possibly empty) list, in one query. */
export function groupedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<readonly V[]>, keyOf: (row: V) => K, opts: LoaderOptions<K> = {}): DataLoader<K, V[]> {
  const form = opts.keyForm ?? ((key: K) => key);
  return new DataLoader<K, V[]>(
    async (keys) => {
      const groups = new Map<K, V[]>(keys.map((k) => [form(k), []]));
      for (const row of await fetch(keys)) groups.get(form(keyOf(row)))?.push(row);
      return keys.map((k) => groups.get(form(k)) ?? []);
    },
    { maxBatchSize: opts.maxBatchSize ?? 1000 },
  );
}
