import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * Runs `fn` in one database transaction: committed when it resolves, rolled back when it throws.
 * Use the given `manager` for every query inside — queries through `ds` itself run outside the
 * transaction. Keep outside effects (HTTP calls, messages) out of `fn`: it may be rolled back.
 * Without `isolationLevel` the server default (READ COMMITTED) applies, without an extra round trip.
 */
export function withTransaction<T>(
  ds: DataSource,
  fn: (manager: EntityManager) => Promise<T>,
  isolationLevel?: IsolationLevel,
): Promise<T> {
  return isolationLevel ? ds.transaction(isolationLevel, fn) : ds.transaction(fn);
}
