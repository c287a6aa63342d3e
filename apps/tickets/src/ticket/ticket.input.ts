import { Field, ID, InputType, Int } from 'type-graphql';
import { TicketChannel, TicketKind, TicketPriority, TicketReason, TicketStatus, ResolutionCode } from '@courierdesk/domain-ticket';
import { CallerRole } from '../common/enums';

/** A new ticket (开工单). */
@InputType({ description: 'A new ticket. The responsible outlet defaults from the waybill (its destination outlet); problem parcels name the other outlet.' })
export class OpenTicketInput {
  @Field(() => TicketKind)
  kind: string;

  @Field(() => TicketReason)
  reason: string;

  @Field(() => TicketChannel)
  channel: string;

  @Field(() => TicketPriority, { nullable: true, description: 'Default NORMAL (URGENT for 12305 cases).' })
  priority?: string | null;

  @Field({ description: 'One line, 1–200 characters.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Up to 4,000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The waybill (运单号); must exist. Needed for urges, complaints, problem parcels and signed-not-received.' })
  waybillNo?: string | null;

  @Field(() => String, { nullable: true })
  callerName?: string | null;

  @Field(() => String, { nullable: true, description: 'A mainland mobile or landline number.' })
  callerPhone?: string | null;

  @Field(() => CallerRole, { nullable: true })
  callerRole?: string | null;

  @Field(() => ID, { nullable: true, description: 'The outlet that must act; default: the waybill’s destination outlet (for a problem parcel: the caller’s outlet, which registers it); none: HQ’s own desk.' })
  responsibleOutletId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A transit centre that must act (a parcel stalled at a hub).' })
  responsibleTransitCentreId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Problem parcels (问题件): the other outlet, which is notified and must answer in time.' })
  counterpartOutletId?: string | null;

  @Field(() => String, { nullable: true, description: 'REGULATOR_12305 tickets: the regulator’s case number (HQ only).' })
  regulatorCaseNo?: string | null;

  @Field(() => Date, { nullable: true, description: 'REGULATOR_12305 tickets: the regulator’s deadline for the network’s answer.' })
  regulatorDeadline?: Date | null;

  @Field(() => String, { nullable: true, description: 'Assign at once to this agent (subject).' })
  assignee?: string | null;
}

/** A status change (工单状态). */
@InputType()
export class ChangeTicketStatusInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int, { description: 'The version you read; someone else’s change in between is CONFLICT.' })
  version: number;

  @Field(() => TicketStatus)
  status: string;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail.' })
  note?: string | null;
}

/** Assigning a ticket to an agent (分配). */
@InputType()
export class AssignTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: 'The agent’s subject; null unassigns.' })
  assignee?: string | null;
}

/** Resolving a ticket (办结). */
@InputType()
export class ResolveTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;

  @Field(() => ResolutionCode)
  resolutionCode: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Reopening a resolved or closed ticket (重开). */
@InputType()
export class ReopenTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Why it is reopened.' })
  reason: string;
}

/** Merging one ticket into another (合并): both histories are kept; the source closes as MERGED. */
@InputType()
export class MergeTicketsInput {
  @Field(() => ID, { description: 'The ticket that closes.' })
  sourceTicketId: string;

  @Field(() => Int)
  sourceVersion: number;

  @Field(() => ID, { description: 'The ticket that continues.' })
  targetTicketId: string;

  @Field(() => Int)
  targetVersion: number;
}

/** Escalating a ticket one step up its chain (升级). */
@InputType()
export class EscalateTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Why: recorded with the step.' })
  reason: string;
}

/** Changing a ticket's priority (优先级). */
@InputType()
export class SetTicketPriorityInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;

  @Field(() => TicketPriority)
  priority: string;
}
