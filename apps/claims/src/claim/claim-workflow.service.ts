import type { DataSource, EntityManager } from 'typeorm';
import {
  assertClaimTransition,
  assertHeadlessSearchMade,
  checkClaimEvidence,
  DECIDABLE_CLAIM_STATUSES,
  isLostParcelClaim,
  liabilityPolicyAt,
  type ClaimStatus,
  type EvidenceClaimKind,
  type LiabilityPolicies,
} from '@courierdesk/domain-liability';
import { withTransaction } from '@courierdesk/platform-db';
import { newId } from '@courierdesk/platform-subgraph';
import type { Identity } from '@courierdesk/platform-auth';
import { assertHeadquarters, callerOutlet, canSeeClaim } from '../common/access';
import { claimsError } from '../common/claims.errors';
import { MAX_EVIDENCE_PER_CLAIM, MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../common/list-bounds';
import { referenceArg, textArg } from '@courierdesk/platform-subgraph';
import type { TicketDirectory, TicketFacts } from '../graph/ticket-facts';
import type { WaybillDirectory, WaybillFacts } from '../graph/waybill-facts';
import { decideClaimFacts, recordedSearch, type ClaimFacts, type EvidenceOnFile, type RecordedHeadlessSearch } from './claim-decision';
import type { AddClaimEvidenceInput, ClaimVersionInput, DecideClaimInput, RejectClaimInput, ReviewClaimInput } from './claim.input';
import { EVIDENCE_COLUMNS, type ClaimEvidenceRow } from './claim-evidence.row';
import type { ClaimRow } from './claim.row';
import { appendClaimEvents, lockClaim, saveClaimChange, type Actor, type ClaimEventInput } from './claim.store';

/** A change a use case makes to a locked, checked claim. */
export interface ClaimChange {
  changes: Partial<ClaimRow>;
  type: string;
  extra?: ClaimEventInput[];
}

/** The audit line saying which headless-parcel search (无头件查找) a step relied on (none: null). */
const searchSeen = (search: RecordedHeadlessSearch | null, step: string): ClaimEventInput => ({ type: 'HEADLESS_SEARCH_SEEN', detail: { ...(search ?? { id: null }), step } });

const claimFacts = (row: ClaimRow): ClaimFacts => ({
  kind: row.kind,
  claimedFen: row.claimedFen,
  filedAt: row.filedAt,
  refusalCause: row.refusalCause,
  actualValueFen: row.actualValueFen,
  actualLossFen: row.actualLossFen,
  promisedAt: row.promisedAt,
  notifiedOfCap: row.notifiedOfCap ?? false,
  intentOrGrossNegligence: row.intentOrGrossNegligence ?? false,
  exemption: row.exemption,
});

/**
 * A claim's life (理赔流转): each use case locks the claim, checks the caller may act on it and
 * that the version it read is current, asks the liability library (transitions, evidence,
 * decision), writes the change with its audit lines — one transaction. The loser of two
 * same-version edits gets CONFLICT (CLAIM_VERSION_CONFLICT). The graph is read before the
 * transaction, never while a row is locked.
 */
export class ClaimWorkflowService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly waybills: WaybillDirectory,
    private readonly tickets: TicketDirectory,
    private readonly policies: () => LiabilityPolicies | undefined,
  ) {}

  /** Locks a claim the caller may act on, at the version the caller read (null: any). */
  async lockForChange(manager: EntityManager, identity: Identity, claimId: string, version: number | null): Promise<ClaimRow> {
    const id = referenceArg(claimId, 'claimId') as string;
    const row = await lockClaim(manager, id);
    if (!row || !canSeeClaim(identity, row)) throw claimsError('CLAIM_NOT_FOUND', `No claim ${claimId}`);
    if (version !== null && row.version !== version) {
      throw claimsError('CLAIM_VERSION_CONFLICT', `Claim ${row.number} is at version ${row.version}, not ${version}: someone changed it; reload and try again`);
    }
    return row;
  }

  /** Runs one change on one claim (see the class comment). */
  async change(identity: Identity, claimId: string, version: number | null, decide: (row: ClaimRow, actor: Actor, manager: EntityManager) => ClaimChange | Promise<ClaimChange>): Promise<ClaimRow> {
    const actor: Actor = { subject: identity.subject, outletId: callerOutlet(identity), at: this.clock() };
    return withTransaction(this.ds, async (manager) => {
      const before = await this.lockForChange(manager, identity, claimId, version);
      const { changes, type, extra } = await decide(before, actor, manager);
      return saveClaimChange(manager, before, changes, actor, type, extra);
    });
  }

  /** The claim as the caller may see it, read without a lock (to fetch its facts before the change). */
  private async peek(identity: Identity, claimId: string): Promise<ClaimRow> {
    return withTransaction(this.ds, (manager) => this.lockForChange(manager, identity, claimId, null));
  }

  private async factsOf(row: ClaimRow): Promise<{ waybill: WaybillFacts; ticket: TicketFacts | null }> {
    const waybill = await this.waybills.facts(row.waybillNo);
    if (!waybill) throw claimsError('WAYBILL_NOT_FOUND', `The claim’s waybill ${row.waybillNo} is no longer in the graph`);
    return { waybill, ticket: row.ticketId ? await this.tickets.facts(row.ticketId) : null };
  }

  private async evidenceOnFile(manager: EntityManager, claimId: string): Promise<EvidenceOnFile[]> {
    return (await manager.query(`SELECT item, kind FROM claim_evidence WHERE claim_id = $1`, [claimId])) as EvidenceOnFile[];
  }

  /** Records a piece of evidence (补充材料) on an open claim; like a note, it moves no version: an audit line records it. */
  async addEvidence(identity: Identity, input: AddClaimEvidenceInput): Promise<{ evidence: ClaimEvidenceRow; claim: ClaimRow }> {
    const storageRef = textArg(input.storageRef, 'storageRef', MAX_SHORT_TEXT_LENGTH, true) as string;
    const description = textArg(input.description, 'description', MAX_TEXT_LENGTH);
    const actor: Actor = { subject: identity.subject, outletId: callerOutlet(identity), at: this.clock() };
    return withTransaction(this.ds, async (manager) => {
      const claim = await this.lockForChange(manager, identity, input.claimId, null);
      if (!DECIDABLE_CLAIM_STATUSES.includes(claim.status as ClaimStatus)) throw claimsError('CLAIM_CLOSED', `Claim ${claim.number} is ${claim.status}: nothing more is added to it`);
      const items = liabilityPolicyAt(claim.filedAt, this.policies()).claimEvidence[claim.kind as EvidenceClaimKind].map((r) => r.item);
      if (!items.includes(input.item)) throw claimsError('UNKNOWN_EVIDENCE_ITEM', `A ${claim.kind} claim takes ${items.join(', ') || 'no evidence'}; not ${input.item}`);
      const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM claim_evidence WHERE claim_id = $1`, [claim.id])) as { n: number }[];
      if (n >= MAX_EVIDENCE_PER_CLAIM) throw claimsError('TOO_MUCH_EVIDENCE', `A claim holds at most ${MAX_EVIDENCE_PER_CLAIM} pieces of evidence`);
      const [evidence] = (await manager.query(
        `INSERT INTO claim_evidence AS v (id, claim_id, item, kind, storage_ref, description, added_by, added_by_outlet_id, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${EVIDENCE_COLUMNS}`,
        [newId(), claim.id, input.item, input.kind, storageRef, description, actor.subject, actor.outletId, actor.at],
      )) as ClaimEvidenceRow[];
      await appendClaimEvents(manager, claim.id, actor, [{ type: 'EVIDENCE_ADDED', detail: { evidenceId: evidence.id, item: evidence.item, kind: evidence.kind } }]);
      return { evidence, claim };
    });
  }

  /**
   * Reviews the evidence (审核材料, HQ): the library's check says UNDER_REVIEW when every required
   * item is on file, else NEEDS_EVIDENCE with what is missing. The first review acknowledges the
   * claim (受理确认).
   */
  async review(identity: Identity, input: ReviewClaimInput): Promise<ClaimRow> {
    assertHeadquarters(identity, 'review a claim');
    const note = textArg(input.note, 'note', MAX_TEXT_LENGTH);
    const { waybill } = await this.factsOf(await this.peek(identity, input.claimId));
    return this.change(identity, input.claimId, input.version, async (row, actor, manager) => {
      const check = checkClaimEvidence({
        kind: row.kind as EvidenceClaimKind,
        insured: waybill.insuredValueFen > 0,
        provided: (await this.evidenceOnFile(manager, row.id)) as never,
        at: row.filedAt,
        policies: this.policies(),
      });
      const to: ClaimStatus = check.code === 'COMPLETE' ? 'UNDER_REVIEW' : 'NEEDS_EVIDENCE';
      if (to !== row.status) assertClaimTransition(row.status, to);
      return {
        changes: { status: to, acknowledgedAt: row.acknowledgedAt ?? actor.at },
        type: 'REVIEWED',
        extra: [{ type: 'EVIDENCE_CHECKED', detail: { code: check.code, missing: check.missing.map((m) => m.item), ruleVersion: check.ruleVersion, explanationZh: check.explanationZh, note } }],
      };
    });
  }

  /**
   * Decides the claim (理赔判定, HQ with claims:decide): the evidence checked first (EVIDENCE_MISSING,
   * nothing written), then the library's decision on the graph's facts and HQ's findings, recorded
   * whole (lines, codes, rule version, explanation, the bearing place). The claim is then UNDER_REVIEW,
   * ready to approve or reject; deciding again (new findings) replaces the decision, with an audit line.
   */
  async decide(identity: Identity, input: DecideClaimInput): Promise<ClaimRow> {
    assertHeadquarters(identity, 'decide a claim');
    const note = textArg(input.note, 'note', MAX_TEXT_LENGTH);
    const { waybill, ticket } = await this.factsOf(await this.peek(identity, input.claimId));
    return this.change(identity, input.claimId, input.version, async (row, actor, manager) => {
      if (row.status !== 'UNDER_REVIEW') assertClaimTransition(row.status, 'UNDER_REVIEW');
      const findings = { notifiedOfCap: input.notifiedOfCap, intentOrGrossNegligence: input.intentOrGrossNegligence ?? false, exemption: input.exemption ?? null };
      const decision = decideClaimFacts({ ...claimFacts(row), ...findings }, waybill, ticket, actor.at, this.policies(), {
        checkEvidence: await this.evidenceOnFile(manager, row.id),
      });
      // An overcharge refund with nothing owed is rejected on the check's facts alone, with its stable reason (CHARGES_CORRECT, UNDERCHARGED).
      const rejected = decision.rule === 'OVERCHARGE_REFUND' && decision.code === 'NOT_OVERCHARGED';
      if (rejected) assertClaimTransition(row.status, 'REJECTED');
      const lost = isLostParcelClaim(row.kind, decision.treatedAs);
      const search = lost ? (decision.facts.headlessSearch ?? null) : row.headlessSearch;
      return {
        changes: {
          ...findings,
          status: rejected ? 'REJECTED' : 'UNDER_REVIEW',
          ...(rejected ? { rejectionReason: `${decision.codes[1]}: ${decision.explanationZh}` } : {}),
          headlessSearch: search,
          acknowledgedAt: row.acknowledgedAt ?? actor.at,
          decision,
          decidedAt: actor.at,
          decidedBy: actor.subject,
          ruleVersion: decision.ruleVersion,
          bearingPlaceKind: decision.bearing?.place?.kind ?? null,
          bearingPlaceId: decision.bearing?.place?.id ?? null,
        },
        type: 'DECIDED',
        extra: [
          {
            type: 'DECISION',
            detail: { code: decision.code, ruleVersion: decision.ruleVersion, totalFen: decision.totalFen, payableFen: decision.payableFen, codes: decision.codes, bearing: decision.bearing?.place ?? null, note },
          },
          ...(lost ? [searchSeen(search, 'DECIDED')] : []),
        ],
      };
    });
  }

  /**
   * Approves the decided amount (同意赔付, HQ with claims:decide): the payment clock starts; the payout
   * moves it to PAID. A lost parcel is agreed only after a headless-parcel search (无头件查找) for its
   * waybill (HEADLESS_SEARCH_REQUIRED): nothing goes back from APPROVED, so a parcel the search finds
   * must be found before the network is bound to pay for it. The search is read from the graph before
   * the lock and recorded with the approval.
   */
  async approve(identity: Identity, input: ClaimVersionInput): Promise<ClaimRow> {
    assertHeadquarters(identity, 'approve a claim');
    const note = textArg(input.note, 'note', MAX_TEXT_LENGTH);
    const peeked = await this.peek(identity, input.claimId);
    const seen = isLostParcelClaim(peeked.kind, peeked.decision?.treatedAs) ? ((await this.factsOf(peeked)).waybill.headlessSearch ?? null) : null;
    return this.change(identity, input.claimId, input.version, (row, actor) => {
      assertClaimTransition(row.status, 'APPROVED');
      if (!row.decision) throw claimsError('DECISION_REQUIRED', `Claim ${row.number} has no decision yet: decide it first`);
      const lost = isLostParcelClaim(row.kind, row.decision.treatedAs);
      const search = recordedSearch(assertHeadlessSearchMade({ lost, search: seen, at: actor.at }));
      const extra: ClaimEventInput[] = lost ? [searchSeen(search, 'APPROVED')] : [];
      if (note) extra.push({ type: 'NOTE', detail: { note } });
      return {
        changes: { status: 'APPROVED', approvedFen: row.decision.payableFen, agreedAt: actor.at, ...(lost ? { headlessSearch: search } : {}) },
        type: 'APPROVED',
        extra,
      };
    });
  }

  /** Rejects the claim (拒赔, HQ with claims:decide), with the reason. */
  reject(identity: Identity, input: RejectClaimInput): Promise<ClaimRow> {
    assertHeadquarters(identity, 'reject a claim');
    const reason = textArg(input.reason, 'reason', MAX_TEXT_LENGTH, true);
    return this.change(identity, input.claimId, input.version, (row) => {
      assertClaimTransition(row.status, 'REJECTED');
      return { changes: { status: 'REJECTED', rejectionReason: reason }, type: 'REJECTED' };
    });
  }

  /** Withdraws the claim (撤回) for the claimant. */
  withdraw(identity: Identity, input: ClaimVersionInput): Promise<ClaimRow> {
    const note = textArg(input.note, 'note', MAX_TEXT_LENGTH);
    return this.change(identity, input.claimId, input.version, (row, actor) => {
      assertClaimTransition(row.status, 'WITHDRAWN');
      return { changes: { status: 'WITHDRAWN', withdrawnAt: actor.at }, type: 'WITHDRAWN', extra: note ? [{ type: 'NOTE', detail: { note } }] : [] };
    });
  }
}
