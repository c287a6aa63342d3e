import { randomUUID } from 'node:crypto';
import { subgraphError, type NotFoundCode } from './subgraph.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a textual UUID; anything else would make PostgreSQL fail the whole statement. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Keys worth sending to the database: representations from other subgraphs may carry anything. */
export const uuidKeys = (keys: readonly unknown[]): string[] => [...new Set(keys.filter(isUuid))];

/** A new row id. */
export const newId = (): string => randomUUID();

/** Throws NOT_FOUND with `code` unless `row` exists: an id that is not a UUID names nothing. */
export function found<T>(row: T | null | undefined, code: NotFoundCode, what: string, id: string): T {
  if (row == null) throw subgraphError(code, `No ${what} ${id}`);
  return row;
}
