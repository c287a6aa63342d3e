import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity as identity } from '@courierdesk/testing';

/** Callers the tests act as. */
export const as = {
  /** HQ agent (总部客服): files, reviews, reads every claim; does not decide. */
  agent: (subject = 'agent-1') => identity(subject, [Role.AGENT], [Scope.CLAIMS_READ, Scope.CLAIMS_WRITE]),
  /** HQ claims manager: an agent who asked for claims:decide. */
  manager: (subject = 'manager-1') => identity(subject, [Role.AGENT], [Scope.CLAIMS_READ, Scope.CLAIMS_WRITE, Scope.CLAIMS_DECIDE]),
  /** Partner outlet (加盟网点): reads its outlet's claims only (a partner's ceiling is claims:read). */
  partner: (outletId: string) => identity(`partner-${outletId}`, [Role.OUTLET_PARTNER], [Scope.CLAIMS_READ], outletId),
  /** An outlet's agent (网点客服): files and supports claims of its outlet's waybills. */
  outletAgent: (outletId: string) => identity(`outlet-agent-${outletId}`, [Role.AGENT], [Scope.CLAIMS_READ, Scope.CLAIMS_WRITE], outletId),
  /** An outlet-bound agent whose token asked for claims:decide: outlet-bound, so it still never decides. */
  outletAgentWithDecide: (outletId: string) => identity(`outlet-agent-${outletId}`, [Role.AGENT], [Scope.CLAIMS_READ, Scope.CLAIMS_WRITE, Scope.CLAIMS_DECIDE], outletId),
  /** A scanner: no claims scope at all. */
  scanner: () => identity('scanner-1', [Role.SCANNER], [Scope.TRACKING_INGEST]),
};
