import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity as identity } from '@courierdesk/testing';

/** Callers the tests act as. */
export const as = {
  admin: () => identity('admin-1', [Role.ADMIN], [Scope.NETWORK_READ, Scope.NETWORK_WRITE, Scope.PERSONAL_DATA]),
  /** HQ agent: reads everything, phones unmasked, cannot write the directory. */
  agent: () => identity('agent-1', [Role.AGENT], [Scope.NETWORK_READ, Scope.PERSONAL_DATA]),
  /** Analyst: reads everything, no personal data. */
  analyst: () => identity('analyst-1', [Role.ANALYST], [Scope.NETWORK_READ]),
  /** Partner outlet (加盟网点) reading its own business. */
  partner: (outletId: string) => identity(`partner-${outletId}`, [Role.OUTLET_PARTNER], [Scope.NETWORK_READ, Scope.PERSONAL_DATA], outletId),
  /** The partner outlet's manager: may also write its own outlet. */
  manager: (outletId: string) =>
    identity(`manager-${outletId}`, [Role.OUTLET_PARTNER], [Scope.NETWORK_READ, Scope.NETWORK_WRITE, Scope.PERSONAL_DATA], outletId),
  /** A token with no network scope at all (e.g. a scanner). */
  scanner: () => identity('scanner-1', [Role.SCANNER], [Scope.TRACKING_INGEST]),
};
