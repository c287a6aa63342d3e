import type { DataSource } from 'typeorm';
import { assertFen, formatClaimNumber, isLostParcelClaim, type LiabilityPolicies } from '@courierdesk/domain-liability';
import { parseWaybillNo } from '@courierdesk/domain-parcel';
import { withTransaction } from '@courierdesk/platform-db';
import { newId } from '@courierdesk/platform-subgraph';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet } from '../common/access';
import { claimsError } from '../common/claims.errors';
import { MAX_TEXT_LENGTH } from '../common/list-bounds';
import { referenceArg, textArg } from '@courierdesk/platform-subgraph';
import type { TicketDirectory, TicketFacts } from '../graph/ticket-facts';
import type { WaybillDirectory } from '../graph/waybill-facts';
import { assertClaimAcceptable, recordedSearch, type ClaimFacts } from './claim-decision';
import type { FileClaimInput } from './claim.input';
import { CLAIM_COLUMNS, claimRowOf, type ClaimRow } from './claim.row';
import { appendClaimEvents, type Actor } from './claim.store';

const optionalFen = (value: number | null | undefined, field: string): number | null => (value === null || value === undefined ? null : assertFen(value, field));

/**
 * Filing claims (提交理赔): reads the ticket (when the claim starts from one) and the waybill through
 * the graph with the service's identity, checks the caller may claim on it, lets the liability
 * library refuse bad amounts and a late claim (a dry run of the decision on the filing's facts),
 * then inserts the claim with its number and first audit line in one transaction. Nothing is
 * written when anything is refused.
 */
export class FileClaimService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly waybills: WaybillDirectory,
    private readonly tickets: TicketDirectory,
    private readonly policies: () => LiabilityPolicies | undefined,
  ) {}

  async file(identity: Identity, input: FileClaimInput): Promise<ClaimRow> {
    const own = callerOutlet(identity);
    const now = this.clock();
    const kind = input.kind;
    if (kind === 'RETURN_FREIGHT' && !input.refusalCause) throw claimsError('REFUSAL_CAUSE_REQUIRED', 'A return-freight claim names why the consignee refused: give refusalCause');
    if (kind !== 'RETURN_FREIGHT' && input.refusalCause) throw claimsError('REFUSAL_CAUSE_ONLY_FOR_RETURN_FREIGHT', 'Only a return-freight claim names a cause of refusal');
    // The library's own codes for money that is not whole, non-negative fen (a Float input lets 12.5 and 2^53 reach it).
    const claimedFen = assertFen(input.claimedFen, 'claimedFen');
    const actualValueFen = optionalFen(input.actualValueFen, 'actualValueFen');
    const actualLossFen = optionalFen(input.actualLossFen, 'actualLossFen');
    const description = textArg(input.description, 'description', MAX_TEXT_LENGTH);

    const ticketId = referenceArg(input.ticketId, 'ticketId');
    let ticket: TicketFacts | null = null;
    if (ticketId) {
      ticket = await this.tickets.facts(ticketId);
      // An outlet claims from the tickets its outlet is party to; any other is no ticket for it (no existence oracle).
      if (!ticket || (own && ![ticket.responsibleOutletId, ticket.counterpartOutletId].includes(own))) throw claimsError('TICKET_NOT_FOUND', `No ticket ${ticketId}`);
    }
    const given = input.waybillNo?.trim() ? parseWaybillNo(input.waybillNo) : null;
    const fromTicket = ticket ? (ticket.waybillNo ? parseWaybillNo(ticket.waybillNo) : null) : null;
    if (ticket && (!fromTicket || (given && given !== fromTicket))) {
      throw claimsError('TICKET_WAYBILL_MISMATCH', fromTicket ? `Ticket ${ticket.number} is about waybill ${fromTicket}, not ${given}` : `Ticket ${ticket.number} is about no waybill`);
    }
    const waybillNo = fromTicket ?? given;
    if (!waybillNo) throw claimsError('WAYBILL_OR_TICKET_REQUIRED', 'A claim is filed from a ticket or for a waybill: give ticketId or waybillNo');
    const waybill = await this.waybills.facts(waybillNo);
    // An outlet claims on the waybills it originated or delivers; others are no waybill for it.
    if (!waybill || (own && ![waybill.originOutletId, waybill.destinationOutletId].includes(own))) throw claimsError('WAYBILL_NOT_FOUND', `No waybill ${waybillNo}`);

    const facts: ClaimFacts = {
      kind,
      claimedFen,
      filedAt: now,
      refusalCause: input.refusalCause ?? null,
      actualValueFen,
      actualLossFen,
      promisedAt: waybill.promisedAt,
      notifiedOfCap: false,
      intentOrGrossNegligence: false,
      exemption: null,
    };
    assertClaimAcceptable(facts, waybill, now, this.policies());
    // A lost parcel's claim shows the headless-parcel search (无头件查找) from the start, when one was made.
    const search = isLostParcelClaim(kind, null) ? recordedSearch(waybill.headlessSearch) : null;

    const actor: Actor = { subject: identity.subject, outletId: own, at: now };
    return withTransaction(this.ds, async (manager) => {
      const [{ seq }] = (await manager.query(`SELECT nextval('claim_number_seq')::float8 AS seq`)) as { seq: number }[];
      const inserted = (await manager.query(
        `INSERT INTO claim AS c (id, number, kind, claimant, waybill_no, ticket_id, claimed_fen, status, filed_at, filed_by, filed_by_outlet_id,
           origin_outlet_id, destination_outlet_id, refusal_cause, actual_value_fen, actual_loss_fen, description, promised_at, headless_search, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'SUBMITTED', $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $8)
         ON CONFLICT (ticket_id) WHERE ticket_id IS NOT NULL AND status NOT IN ('REJECTED', 'WITHDRAWN') DO NOTHING
         RETURNING ${CLAIM_COLUMNS}`,
        [
          newId(), formatClaimNumber(now, seq), kind, input.claimant, waybillNo, ticketId, claimedFen, now, actor.subject, own,
          waybill.originOutletId, waybill.destinationOutletId, facts.refusalCause, actualValueFen, actualLossFen, description, waybill.promisedAt,
          search ? JSON.stringify(search) : null,
        ],
      )) as Record<string, unknown>[];
      if (inserted.length === 0) throw claimsError('CLAIM_ALREADY_FILED', `Ticket ${ticket?.number} already has a live claim: act on that one`);
      const row = claimRowOf(inserted[0]);
      await appendClaimEvents(manager, row.id, actor, [
        { type: 'CREATED', to: row.status, detail: { number: row.number, kind, claimant: row.claimant, waybillNo, ticketId, claimedFen } },
        ...(search ? [{ type: 'HEADLESS_SEARCH_SEEN', detail: { ...search, step: 'FILED' } }] : []),
      ]);
      return row;
    });
  }
}
