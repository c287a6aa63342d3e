import { canSeeOutlet, outletRestriction, type Identity } from '@courierdesk/platform-auth';
import { uuidKeys } from './ids';

/** Outlet ids whose private rows (couriers, areas, contacts) the caller may load; others are not even queried. */
export const visibleOutletKeys = (identity: Identity, keys: readonly unknown[]): string[] =>
  uuidKeys(keys).filter((id) => canSeeOutlet(identity, id));

/** `{ outletId }` to add to a private-row query for an outlet-bound caller, else `{}`. */
export function outletScope(identity: Identity): { outletId?: string } {
  const restriction = outletRestriction(identity);
  return restriction ? { outletId: restriction.outletId } : {};
}
