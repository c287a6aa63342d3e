import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EVIDENCE_KINDS, EvidenceKind, type EvidenceDecision as DomainDecision } from '@courierdesk/domain-ticket';
import { connectionType, listSize, PersonalData } from '@courierdesk/platform-subgraph';
import { ticketOwner, type TicketParties } from '../common/access';
import { OutletRef, outletRef } from '../refs/refs.type';
import { Ticket } from '../ticket/ticket.type';
import type { EvidenceRow } from './evidence.row';

/** How a disputed case stands on its evidence (举证结果). */
export const EvidenceOutcome = { FOR_OUTLET: 'FOR_OUTLET', AGAINST_OUTLET: 'AGAINST_OUTLET', PENDING: 'PENDING' } as const;
registerEnumType(EvidenceOutcome, {
  name: 'EvidenceOutcome',
  description: 'FOR_OUTLET: accepted evidence came in time (按时举证); AGAINST_OUTLET: the deadline passed without it (举证不足); PENDING: waiting, the deadline not yet passed (待举证).',
});

/** A piece of evidence (证据) on a ticket. */
@ObjectType('TicketEvidence', { description: 'A piece of evidence (证据): what it is, where the file is kept, who added it and whether it came in time.' })
export class TicketEvidence {
  @Field(() => ID)
  id: string;

  @Field(() => EvidenceKind)
  kind: string;

  @Field({ description: 'Where the file is kept (object storage key or URL).' })
  storageRef: string;

  @PersonalData<TicketEvidence>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (evidence) => ticketOwner(evidence.parties) })
  @Field(() => String, { nullable: true, description: 'The file’s name as uploaded (may name the customer); long numbers masked without pii:read.' })
  fileName: string | null;

  @Field(() => String, { nullable: true })
  contentType: string | null;

  @Field(() => Int, { nullable: true })
  sizeBytes: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file (lower-case hex).' })
  sha256: string | null;

  @PersonalData<TicketEvidence>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (evidence) => ticketOwner(evidence.parties) })
  @Field(() => String, { nullable: true, description: 'What it shows; long numbers masked without pii:read.' })
  description: string | null;

  @Field({ description: 'Who added it (the subject of their token).' })
  addedBy: string;

  @Field(() => OutletRef, { nullable: true, description: 'The outlet it was added for; null for headquarters.' })
  addedByOutlet: OutletRef | null;

  @Field()
  addedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The case’s evidence deadline (举证截止时间) when it was added; null when the case has no evidence rule.' })
  dueAt: Date | null;

  parties: TicketParties;
}

/** The schema's view of an evidence row of a ticket with these parties. */
export function toEvidence(row: EvidenceRow, parties: TicketParties): TicketEvidence {
  return Object.assign(new TicketEvidence(), {
    id: row.id,
    kind: row.kind,
    storageRef: row.storageRef,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    description: row.description,
    addedBy: row.addedBy,
    addedByOutlet: outletRef(row.addedByOutletId),
    addedAt: row.addedAt,
    dueAt: row.dueAt,
    parties: { responsibleOutletId: parties.responsibleOutletId, counterpartOutletId: parties.counterpartOutletId },
  });
}

/** A ticket's evidence, oldest first. */
export const TicketEvidenceConnection = connectionType(TicketEvidence, 'TicketEvidence');

/** How a disputed case stands on its evidence. */
@ObjectType({ description: 'How a disputed case stands on its evidence (举证判定), by the evidence policy version in force when the ticket was opened.' })
export class EvidenceDecision {
  @Field(() => EvidenceOutcome)
  outcome: string;

  @Field({ description: 'The evidence deadline (举证截止时间).' })
  dueAt: Date;

  @Field({ description: 'The evidence policy version, e.g. evidence-2024.1.' })
  policyVersion: string;

  @Directive(listSize(EVIDENCE_KINDS.length))
  @Field(() => [EvidenceKind], { description: 'Kinds of evidence that can decide the case for the outlet.' })
  acceptedKinds: string[];

  @Field(() => Int, { description: 'Accepted kinds, added in time: they count.' })
  counted: number;

  @Field(() => Int, { description: 'Accepted kinds added after the deadline: they do not count.' })
  late: number;

  @Field(() => Int, { description: 'Kinds the rule does not accept for this case.' })
  wrongKind: number;

  @Field({ description: 'Why, in English with the Chinese term.' })
  explanation: string;
}

/** The schema's view of a decision. */
export function toEvidenceDecision(decision: DomainDecision, acceptedKinds: readonly string[]): EvidenceDecision {
  return Object.assign(new EvidenceDecision(), {
    outcome: decision.outcome,
    dueAt: decision.dueAt,
    policyVersion: decision.policyVersion,
    acceptedKinds: [...acceptedKinds],
    counted: decision.counted.length,
    late: decision.late.length,
    wrongKind: decision.wrongKind.length,
    explanation: decision.explanation,
  });
}

/** Evidence recorded, and its ticket. */
@ObjectType({ description: 'The evidence recorded, and its ticket.' })
export class AttachEvidencePayload {
  @Field(() => TicketEvidence)
  evidence: TicketEvidence;

  @Field(() => Ticket)
  ticket: Ticket;
}
