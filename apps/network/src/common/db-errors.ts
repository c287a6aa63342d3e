import { NetworkRuleError } from '@courierdesk/domain-network';
import { isForeignKeyViolation, isUniqueViolation, postgresErrorCode, violatedConstraint } from '@courierdesk/platform-db';
import type { AppError } from '@courierdesk/platform-subgraph';
import { subgraphError, type SubgraphErrorCode } from './subgraph.errors';

// Uniqueness is decided by the database constraint, never by a racy read before the insert.
const UNIQUE: Record<string, [SubgraphErrorCode, string]> = {
  outlet_code_key: ['OUTLET_CODE_TAKEN', 'Another outlet already has this code'],
  transit_centre_code_key: ['TRANSIT_CENTRE_CODE_TAKEN', 'Another transit centre already has this code'],
  courier_code_key: ['COURIER_CODE_TAKEN', 'Another courier already has this code'],
  courier_employee_no_key: ['EMPLOYEE_NO_TAKEN', 'Another courier already has this employee number'],
  area_assignment_one_open_idx: ['AREA_HANDOVER_CONFLICT', 'The area was handed over concurrently; reload and retry'],
};

const FOREIGN: Record<string, [SubgraphErrorCode, string]> = {
  outlet_transit_centre_fk: ['TRANSIT_CENTRE_NOT_FOUND', 'No such transit centre'],
  courier_outlet_fk: ['OUTLET_NOT_FOUND', 'No such outlet'],
  delivery_area_outlet_fk: ['OUTLET_NOT_FOUND', 'No such outlet'],
  area_assignment_courier_fk: ['COURIER_NOT_FOUND', 'No such courier'],
};

/** Turns a constraint violation we know into its stable error; anything else is rethrown as is. */
export function translateDbError(err: unknown): never {
  const constraint = violatedConstraint(err) ?? '';
  if (isUniqueViolation(err) && UNIQUE[constraint]) throw subgraphError(...UNIQUE[constraint]);
  if (isForeignKeyViolation(err) && FOREIGN[constraint]) throw subgraphError(...FOREIGN[constraint]);
  // The btree_gist exclusion constraint (23P01): two assignments of one area would overlap.
  if (postgresErrorCode(err) === '23P01') throw new NetworkRuleError('OVERLAPPING_ASSIGNMENTS', 'The assignment would overlap another one of this area');
  throw err;
}

/** CONFLICT for an update that named a version someone else has already replaced. */
export const staleVersion = (what: string): AppError =>
  subgraphError('STALE_VERSION', `The ${what} was changed by someone else; reload it and retry with the new version`);
