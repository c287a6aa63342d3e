import type { Viewer } from '@courierdesk/domain-network';
import { hasScopes, isOutletBound, type Identity } from './identity';
import { Scope } from './roles';

/**
 * The caller as the personal-data policy (domain-network `disclose`) sees it: its roles, whether
 * it holds pii:read, and the outlet it is confined to — by the same rule that filters its rows.
 */
export const personalDataViewer = (identity: Identity): Viewer => ({
  roles: identity.roles,
  personalDataScope: hasScopes(identity, [Scope.PERSONAL_DATA]),
  outletBound: isOutletBound(identity),
  outletId: identity.outletId,
});
