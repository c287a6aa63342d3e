import { isForeignKeyViolation, isUniqueViolation, violatedConstraint } from '@courierdesk/platform-db';
import { conflict, notFound, type AppError } from '@courierdesk/platform-subgraph';

// Uniqueness is decided by the database constraint, never by a racy read before the insert.
const UNIQUE: Record<string, [string, string]> = {
  outlet_code_key: ['OUTLET_CODE_TAKEN', 'Another outlet already has this code'],
  transit_centre_code_key: ['TRANSIT_CENTRE_CODE_TAKEN', 'Another transit centre already has this code'],
  courier_code_key: ['COURIER_CODE_TAKEN', 'Another courier already has this code'],
  courier_employee_no_key: ['EMPLOYEE_NO_TAKEN', 'Another courier already has this employee number'],
  area_assignment_one_open_idx: ['AREA_HANDOVER_CONFLICT', 'The area was handed over concurrently; reload and retry'],
};

const FOREIGN: Record<string, [string, string]> = {
  outlet_transit_centre_fk: ['TRANSIT_CENTRE_NOT_FOUND', 'No such transit centre'],
  courier_outlet_fk: ['OUTLET_NOT_FOUND', 'No such outlet'],
  delivery_area_outlet_fk: ['OUTLET_NOT_FOUND', 'No such outlet'],
  area_assignment_courier_fk: ['COURIER_NOT_FOUND', 'No such courier'],
};

/** Turns a constraint violation we know into its stable error; anything else is rethrown as is. */
export function translateDbError(err: unknown): never {
  const constraint = violatedConstraint(err) ?? '';
  if (isUniqueViolation(err) && UNIQUE[constraint]) throw conflict(...UNIQUE[constraint]);
  if (isForeignKeyViolation(err) && FOREIGN[constraint]) throw notFound(...FOREIGN[constraint]);
  // Overlap guard (btree_gist exclusion constraint, SQLSTATE 23P01).
  if ((err as { driverError?: { code?: string } }).driverError?.code === '23P01') {
    throw conflict('OVERLAPPING_ASSIGNMENTS', 'The assignment would overlap another one of this area');
  }
  throw err;
}

/** CONFLICT for an update that named a version someone else has already replaced. */
export const staleVersion = (what: string): AppError =>
  conflict('STALE_VERSION', `The ${what} was changed by someone else; reload it and retry with the new version`);
