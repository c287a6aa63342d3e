import type { DataSource } from 'typeorm';
import {
  assertEvidenceInTime,
  decideOnEvidence,
  DEFAULT_EVIDENCE_POLICY,
  evidenceDeadline,
  type EvidenceDeadline,
  type EvidenceDecision,
  type EvidenceKind,
  type EvidencePolicy,
  type TicketKind,
  type TicketReason,
} from '@courierdesk/domain-ticket';
import { withTransaction } from '@courierdesk/platform-db';
import { newId } from '@courierdesk/platform-subgraph';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet } from '../common/access';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../common/list-bounds';
import { ticketsError } from '../common/tickets.errors';
import { textArg } from '@courierdesk/platform-subgraph';
import type { TicketWorkflowService } from '../ticket/ticket-workflow.service';
import type { TicketRow } from '../ticket/ticket.row';
import { appendEvents, type Actor } from '../ticket/ticket.store';
import type { AttachEvidenceInput } from './evidence.input';
import { EVIDENCE_COLUMNS, evidenceRowOf, type EvidenceRow } from './evidence.row';

const SHA256 = /^[0-9a-f]{64}$/i;
// type/subtype with optional parameters (RFC 6838 token characters).
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;.*)?$/i;

/** What the decision reads of a piece of evidence. */
export type EvidenceItemRow = Pick<EvidenceRow, 'id' | 'kind' | 'addedAt'>;

/**
 * Evidence (证据、举证): records what an outlet or agent uploaded — metadata and the storage
 * reference, never the file — within the case's evidence deadline (举证时限), and decides a
 * disputed case on what came in time. The deadline runs from the ticket's opening by the evidence
 * policy version in force then; evidence after it is refused (EVIDENCE_AFTER_DEADLINE) and nothing
 * is written. Like a note, evidence moves no version: an audit line (EVIDENCE_ADDED) records it.
 */
export class TicketEvidenceService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly workflow: TicketWorkflowService,
    readonly policies: readonly EvidencePolicy[] = [DEFAULT_EVIDENCE_POLICY],
  ) {}

  /** The case's evidence deadline; null when its kind and reason need no evidence. */
  deadline(ticket: Pick<TicketRow, 'kind' | 'reason' | 'openedAt'>): EvidenceDeadline | null {
    return evidenceDeadline(ticket.kind as TicketKind, ticket.reason as TicketReason, ticket.openedAt, this.policies);
  }

  /** The case's standing on its evidence now; null when it has no evidence rule. */
  decision(ticket: Pick<TicketRow, 'kind' | 'reason' | 'openedAt'>, evidence: readonly EvidenceItemRow[]): { decision: EvidenceDecision; deadline: EvidenceDeadline } | null {
    const deadline = this.deadline(ticket);
    if (!deadline) return null;
    const items = evidence.map((item) => ({ id: item.id, kind: item.kind as EvidenceKind, addedAt: item.addedAt }));
    return { decision: decideOnEvidence(deadline, items, this.clock()), deadline };
  }

  /** Records a piece of evidence in time (举证). */
  async attach(identity: Identity, input: AttachEvidenceInput): Promise<{ evidence: EvidenceRow; ticket: TicketRow }> {
    const metadata = checkedMetadata(input);
    const actor: Actor = { subject: identity.subject, outletId: callerOutlet(identity), at: this.clock() };
    return withTransaction(this.ds, async (manager) => {
      const ticket = await this.workflow.lockForChange(manager, identity, input.ticketId, null);
      const deadline = this.deadline(ticket);
      if (deadline) assertEvidenceInTime(deadline.dueAt, actor.at);
      const [raw] = (await manager.query(
        `INSERT INTO ticket_evidence AS v (id, ticket_id, kind, storage_ref, file_name, content_type, size_bytes, sha256, description, added_by, added_by_outlet_id, added_at, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${EVIDENCE_COLUMNS}`,
        [
          newId(), ticket.id, input.kind, metadata.storageRef, metadata.fileName, metadata.contentType, metadata.sizeBytes, metadata.sha256, metadata.description,
          actor.subject, actor.outletId, actor.at, deadline?.dueAt ?? null,
        ],
      )) as Record<string, unknown>[];
      const evidence = evidenceRowOf(raw);
      await appendEvents(manager, ticket.id, actor, [
        { type: 'EVIDENCE_ADDED', detail: { evidenceId: evidence.id, kind: evidence.kind, dueAt: deadline?.dueAt.toISOString() ?? null, policyVersion: deadline?.policyVersion ?? null } },
      ]);
      return { evidence, ticket };
    });
  }
}

/** The input's metadata, trimmed and checked (INVALID_TEXT, INVALID_EVIDENCE_METADATA). */
function checkedMetadata(input: AttachEvidenceInput) {
  const contentType = textArg(input.contentType, 'contentType', MAX_SHORT_TEXT_LENGTH);
  if (contentType && !CONTENT_TYPE.test(contentType)) throw ticketsError('INVALID_EVIDENCE_METADATA', 'contentType is not a MIME type (type/subtype)');
  const sha256 = textArg(input.sha256, 'sha256', MAX_SHORT_TEXT_LENGTH);
  if (sha256 && !SHA256.test(sha256)) throw ticketsError('INVALID_EVIDENCE_METADATA', 'sha256 is not 64 hexadecimal digits');
  const sizeBytes = input.sizeBytes ?? null;
  if (sizeBytes !== null && sizeBytes < 0) throw ticketsError('INVALID_EVIDENCE_METADATA', 'sizeBytes is negative');
  return {
    storageRef: textArg(input.storageRef, 'storageRef', MAX_SHORT_TEXT_LENGTH, true) as string,
    fileName: textArg(input.fileName, 'fileName', MAX_SHORT_TEXT_LENGTH),
    contentType: contentType?.toLowerCase() ?? null,
    sizeBytes,
    sha256: sha256?.toLowerCase() ?? null,
    description: textArg(input.description, 'description', MAX_TEXT_LENGTH),
  };
}
