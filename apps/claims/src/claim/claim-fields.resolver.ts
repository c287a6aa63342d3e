import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { claimClocks, liabilityPolicyAt, type EvidenceClaimKind, type LiabilityPolicies } from '@courierdesk/domain-liability';
import { listSize } from '@courierdesk/platform-subgraph';
import { MAX_EVIDENCE_PER_CLAIM, MAX_HISTORY_LINES } from '../common/list-bounds';
import type { ClaimsContext } from '../claims.loaders';
import { OutletRef, outletRef, TicketRef, ticketRef, TransitCentreRef, transitCentreRef, WaybillRef, waybillRef } from '../refs/refs.type';
import { ClaimClock, toClaimClock } from './claim-clocks.type';
import { Claim, ClaimEvidence, ClaimEvidenceRequirement, ClaimHistoryLine, claimOwner } from './claim.type';

/** A claim's related fields: its evidence, trail, requirements, and references to other subgraphs' entities. */
@Resolver(() => Claim)
export class ClaimFieldsResolver {
  constructor(
    private readonly policies: () => LiabilityPolicies | undefined,
    private readonly clock: () => Date,
  ) {}

  @Directive(listSize(4))
  @FieldResolver(() => [ClaimClock], {
    description: 'The statutory clocks (理赔时限): filing window, acknowledgement in 24 h, decision in 30 days, payment 7 days after agreement — each with its deadline, state and rule version.',
  })
  clocks(@Root() claim: Claim): ClaimClock[] {
    const facts = claim.storedDecision?.facts;
    const { clocks } = claimClocks({
      international: false,
      deliveredAt: facts?.deliveredAt ? new Date(facts.deliveredAt) : null,
      promisedAt: claim.promisedAt,
      filedAt: claim.filedAt,
      acknowledgedAt: claim.acknowledgedAt,
      decidedAt: claim.decidedAt,
      agreedAt: claim.agreedAt,
      paidAt: claim.paidAt,
      now: this.clock(),
      policies: this.policies(),
    });
    return clocks.map(toClaimClock);
  }

  @Directive(listSize(MAX_EVIDENCE_PER_CLAIM))
  @FieldResolver(() => [ClaimEvidence], { description: `The evidence on file, oldest first (at most ${MAX_EVIDENCE_PER_CLAIM}).` })
  async evidence(@Root() claim: Claim, @Ctx() ctx: ClaimsContext): Promise<ClaimEvidence[]> {
    return (await ctx.loaders.evidenceOfClaim.load(claim.id)).map((row) => Object.assign(new ClaimEvidence(), row, { owner: claimOwner(claim) }));
  }

  @Directive(listSize(MAX_HISTORY_LINES))
  @FieldResolver(() => [ClaimHistoryLine], { description: 'The audit trail (操作记录), oldest first: every change with who, when, field, from → to.' })
  async history(@Root() claim: Claim, @Ctx() ctx: ClaimsContext): Promise<ClaimHistoryLine[]> {
    return (await ctx.loaders.historyOfClaim.load(claim.id)).map((row) => Object.assign(new ClaimHistoryLine(), row));
  }

  @Directive(listSize(10))
  @FieldResolver(() => [ClaimEvidenceRequirement], { description: 'The evidence a claim of this kind asks for (理赔材料清单), by the rule version in force at filing.' })
  evidenceRequirements(@Root() claim: Claim): ClaimEvidenceRequirement[] {
    const rules = liabilityPolicyAt(claim.filedAt, this.policies()).claimEvidence[claim.kind as EvidenceClaimKind] ?? [];
    return rules.map((r) => Object.assign(new ClaimEvidenceRequirement(), { item: r.item, need: r.need, accepted: [...r.accepted], nameZh: r.nameZh }));
  }

  @FieldResolver(() => WaybillRef, { description: 'The waybill (tracking’s), with your access to it.' })
  waybill(@Root() claim: Claim): WaybillRef {
    return waybillRef(claim.waybillNo);
  }

  @FieldResolver(() => TicketRef, { nullable: true, description: 'The ticket the claim was filed from (tickets’), with your access to it.' })
  ticket(@Root() claim: Claim): TicketRef | null {
    return ticketRef(claim.ticketId);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'The waybill’s origin outlet when the claim was filed: a party to the claim.' })
  originOutlet(@Root() claim: Claim): OutletRef | null {
    return outletRef(claim.originOutletId);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'The waybill’s destination outlet when the claim was filed: a party to the claim.' })
  destinationOutlet(@Root() claim: Claim): OutletRef | null {
    return outletRef(claim.destinationOutletId);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'The outlet that bears the carrier’s fault internally, when an outlet does.' })
  bearingOutlet(@Root() claim: Claim): OutletRef | null {
    return claim.bearingPlaceKind === 'OUTLET' ? outletRef(claim.bearingPlaceId) : null;
  }

  @FieldResolver(() => TransitCentreRef, { nullable: true, description: 'The transit centre that bears the carrier’s fault internally, when one does.' })
  bearingTransitCentre(@Root() claim: Claim): TransitCentreRef | null {
    return claim.bearingPlaceKind === 'HUB' ? transitCentreRef(claim.bearingPlaceId) : null;
  }
}
