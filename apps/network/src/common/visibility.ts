import { canSeeOutlet, type Identity } from '@courierdesk/platform-auth';
import { uuidKeys } from './ids';

/** Outlet ids whose private rows (outlet contacts) the caller may load; others are not even queried. */
export const visibleOutletKeys = (identity: Identity, keys: readonly unknown[]): string[] =>
  uuidKeys(keys).filter((id) => canSeeOutlet(identity, id));
