import { canonicalId } from '@courierdesk/domain-core';
import { AuthError, forbidden } from './auth.errors';
import { Role, Scope } from './roles';

/** The verified caller, as the gateway established it and every subgraph receives it. */
export interface Identity {
  /** Stable subject id (user, partner account or device). */
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly scopes: readonly Scope[];
  /** Set for outlet-bound callers (partners, outlet agents): the outlet whose data they may see. */
  readonly outletId: string | null;
  /** The caller token's `jti`, for audit and revocation. */
  readonly tokenId: string;
}

/** True when the caller holds every listed scope. */
export function hasScopes(identity: Identity, required: readonly string[]): boolean {
  return required.every((s) => (identity.scopes as readonly string[]).includes(s));
}

/** Throws FORBIDDEN unless the caller holds every listed scope. */
export function requireScopes(identity: Identity, required: readonly string[]): void {
  const missing = required.filter((s) => !(identity.scopes as readonly string[]).includes(s));
  if (missing.length > 0) throw forbidden('SCOPE_MISSING', `Missing scope: ${missing.join(', ')}`);
}

/** Partners are always confined to their outlet, whatever else their token says. */
export function isOutletBound(identity: Identity): boolean {
  return identity.roles.includes(Role.OUTLET_PARTNER) || (identity.outletId !== null && !identity.roles.includes(Role.ADMIN));
}

/**
 * Row restriction for the caller, the one rule every subgraph applies: `null` means every
 * outlet; otherwise only rows of the returned outlet id. A partner without an outlet sees nothing.
 */
export function outletRestriction(identity: Identity): { outletId: string } | null {
  if (!isOutletBound(identity)) return null;
  if (!identity.outletId) throw forbidden('OUTLET_REQUIRED', 'This token is not bound to an outlet');
  return { outletId: identity.outletId };
}

/** The caller's outlet in its one spelling when outlet-bound, else null (HQ, analysts, services). */
export function callerOutlet(identity: Identity): string | null {
  const restriction = outletRestriction(identity);
  return restriction ? canonicalId(restriction.outletId) : null;
}

/** Whether the caller may see rows of this outlet. */
export function canSeeOutlet(identity: Identity, outletId: string | null | undefined): boolean {
  const restriction = outletRestriction(identity);
  return restriction === null || (outletId != null && restriction.outletId === outletId);
}

/** Throws FORBIDDEN unless the caller may act on this outlet's data. */
export function assertOutletAccess(identity: Identity, outletId: string | null | undefined): void {
  if (!canSeeOutlet(identity, outletId)) {
    throw forbidden('OUTLET_MISMATCH', 'This outlet is outside your access');
  }
}

export { AuthError };
