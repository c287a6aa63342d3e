import type { DataSource } from 'typeorm';
import type { LiabilityPolicies } from '@courierdesk/domain-liability';
import { ClaimFinderService } from './claim/claim-finder.service';
import { ClaimWorkflowService } from './claim/claim-workflow.service';
import { FileClaimService } from './claim/file-claim.service';
import { FineService } from './fines/fine.service';
import { LedgerService } from './ledger/ledger.service';
import { PayoutService } from './ledger/payout.service';
import type { TicketDirectory } from './graph/ticket-facts';
import type { WaybillDirectory } from './graph/waybill-facts';

/** Options of the claims services. */
export interface ClaimsServiceOptions {
  /** The clock; tests and replays fix it. Default: the system clock. */
  now?: () => Date;
  /** Where waybills' facts come from: the graph (production), an in-memory directory in subgraph tests. */
  waybills: WaybillDirectory;
  /** Where tickets' facts come from: the graph (production), in memory in subgraph tests. */
  tickets: TicketDirectory;
  /**
   * The liability policy versions (default: the library's DEFAULT_LIABILITY_POLICIES). Read on every
   * decision, so a test (or an operator's reload) can add a version while the subgraph runs.
   */
  policies?: () => LiabilityPolicies | undefined;
}

/** The claims services over one DataSource (stateless; shared by all requests, usable by seeds and benchmarks). */
export function createClaimsServices(ds: DataSource, options: ClaimsServiceOptions) {
  const clock = options.now ?? (() => new Date());
  const policies = options.policies ?? (() => undefined);
  const ledger = new LedgerService(ds);
  return {
    clock,
    policies,
    waybills: options.waybills,
    tickets: options.tickets,
    finder: new ClaimFinderService(ds),
    filing: new FileClaimService(ds, clock, options.waybills, options.tickets, policies),
    workflow: new ClaimWorkflowService(ds, clock, options.waybills, options.tickets, policies),
    ledger,
    payouts: new PayoutService(ds, ledger, clock, options.waybills),
    fines: new FineService(ds, ledger, clock, { tickets: options.tickets, waybills: options.waybills }),
  };
}

export type ClaimsServices = ReturnType<typeof createClaimsServices>;
