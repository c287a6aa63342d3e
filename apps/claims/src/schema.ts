import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@courierdesk/platform-subgraph';
import './common/enums';
import { ClaimFieldsResolver } from './claim/claim-fields.resolver';
import { claimReference } from './claim/claim.reference';
import { ClaimResolver } from './claim/claim.resolver';
import { Claim } from './claim/claim.type';
import type { ClaimsServices } from './claims.services';
import { FineResolver, OutletFinesResolver } from './fines/fine.resolver';
import { ClaimPayoutResolver } from './ledger/claim-payout.resolver';
import { LedgerResolver, OutletBalanceResolver } from './ledger/ledger.resolver';
import { TicketClaimResolver, WaybillClaimsResolver } from './refs/contributed.resolver';
import { outletReference, ticketReference, waybillReference } from './refs/refs.reference';
import { OutletRef, TicketRef, TransitCentreRef, WaybillRef } from './refs/refs.type';

/** Stand-in services for a schema built only to print its SDL (tools/compose): resolving fails loudly. */
const noServices = new Proxy({} as ClaimsServices, {
  get: () => {
    throw new Error('buildClaimsSchema() was called without services: this schema prints its SDL but cannot resolve');
  },
});

/**
 * The claims subgraph's federated schema. Resolvers get their services by constructor from this
 * small container, so no module-level state is shared between schemas. Works without a database.
 */
export async function buildClaimsSchema(services: ClaimsServices = noServices): Promise<GraphQLSchema> {
  let instances: Map<unknown, unknown> | undefined;
  const resolverInstances = (): Map<unknown, unknown> =>
    (instances ??= new Map<unknown, unknown>([
      [ClaimResolver, new ClaimResolver(services.finder, services.filing, services.workflow)],
      [ClaimFieldsResolver, new ClaimFieldsResolver(services.policies, services.clock)],
      [WaybillClaimsResolver, new WaybillClaimsResolver()],
      [TicketClaimResolver, new TicketClaimResolver()],
      [LedgerResolver, new LedgerResolver(services.ledger, services.payouts)],
      [OutletBalanceResolver, new OutletBalanceResolver()],
      [FineResolver, new FineResolver(services.fines)],
      [OutletFinesResolver, new OutletFinesResolver()],
      [ClaimPayoutResolver, new ClaimPayoutResolver()],
    ]));
  const resolvers = [
    ClaimResolver,
    ClaimFieldsResolver,
    WaybillClaimsResolver,
    TicketClaimResolver,
    LedgerResolver,
    OutletBalanceResolver,
    FineResolver,
    OutletFinesResolver,
    ClaimPayoutResolver,
  ] as const;
  return buildFederatedSchema(
    {
      resolvers,
      orphanedTypes: [Claim, WaybillRef, TicketRef, OutletRef, TransitCentreRef],
      container: { get: (resolverClass: unknown) => resolverInstances().get(resolverClass) },
    },
    {
      Claim: claimReference,
      Waybill: waybillReference,
      Ticket: ticketReference,
      Outlet: outletReference,
    },
  );
}
