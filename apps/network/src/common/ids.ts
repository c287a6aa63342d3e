import { subgraphError, type NotFoundCode } from './subgraph.errors';

export { isUuid } from '@courierdesk/domain-core';
export { newId, uuidKeys } from '@courierdesk/platform-subgraph';

/** Throws NOT_FOUND with `code` unless `row` exists: an id that is not a UUID names nothing. */
export function found<T>(row: T | null | undefined, code: NotFoundCode, what: string, id: string): T {
  if (row == null) throw subgraphError(code, `No ${what} ${id}`);
  return row;
}
