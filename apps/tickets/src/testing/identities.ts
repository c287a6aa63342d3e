import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity as identity } from '@courierdesk/testing';

/** Callers the tests act as. */
export const as = {
  /** HQ agent (总部客服): every ticket, personal data whole. */
  agent: (subject = 'agent-1') => identity(subject, [Role.AGENT], [Scope.TICKETS_READ, Scope.TICKETS_WRITE, Scope.PERSONAL_DATA]),
  /** Analyst: reads every ticket, personal data masked, changes nothing. */
  analyst: () => identity('analyst-1', [Role.ANALYST], [Scope.TICKETS_READ]),
  /** Partner outlet (加盟网点): tickets its outlet is party to only. */
  partner: (outletId: string) => identity(`partner-${outletId}`, [Role.OUTLET_PARTNER], [Scope.TICKETS_READ, Scope.TICKETS_WRITE, Scope.PERSONAL_DATA], outletId),
  /** A scanner: no tickets scope at all. */
  scanner: () => identity('scanner-1', [Role.SCANNER], [Scope.TRACKING_INGEST]),
};
