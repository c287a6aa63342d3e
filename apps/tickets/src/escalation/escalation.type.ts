import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ContactRole } from '@courierdesk/domain-network';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { ticketOwner, type TicketParties } from '../common/access';
import { EscalationCause, type EscalationRow } from './escalation.store';

// The same values as the network's ContactRole (one vocabulary, domain-network), so the enum composes.
registerEnumType(ContactRole, { name: 'ContactRole', description: 'Who a contact is: courier, 到件客服, 出发客服, 网点负责人, 分拨中心客服, 总部客服.' });
registerEnumType(EscalationCause, {
  name: 'EscalationCause',
  description: 'Why a ticket went up: MANUAL (an agent escalated it), BREACH (a deadline passed: automatic, once per breach), REGULATOR (a 12305 case, which starts at the top).',
});

/** One step up a ticket's escalation chain (升级记录), with the person to call at that level. */
@ObjectType({ description: 'One step up the escalation chain (升级记录): the level reached, why, and whom to call there.' })
export class TicketEscalation {
  @Field(() => ID)
  id: string;

  @Field(() => ContactRole, { description: 'The level reached; for a breach at the top of the chain, the top itself (HQ alerted again).' })
  level: string;

  @Field(() => ContactRole, { nullable: true, description: 'The level before; null for a 12305 case’s first step.' })
  fromLevel: string | null;

  @Field(() => EscalationCause)
  cause: string;

  @Field({ description: 'A breach at the top of the chain: nobody higher to go to.' })
  atTop: boolean;

  @Field(() => String, { nullable: true, description: 'BREACH steps: the breach that caused it, as `METRIC:deadline` (its idempotency key).' })
  breachKey: string | null;

  @Field(() => String, { nullable: true, description: 'MANUAL steps: why the agent escalated.' })
  reason: string | null;

  @PersonalData<TicketEscalation>({ subject: 'STAFF', datum: 'NAME', owner: (step) => ticketOwner(step.parties) })
  @Field(() => String, { nullable: true, description: 'Whom to call at this level (from the network’s directory at the time); null when nobody fills the role.' })
  contactName: string | null;

  @PersonalData<TicketEscalation>({ subject: 'STAFF', datum: 'PHONE', owner: (step) => ticketOwner(step.parties) })
  @Field(() => String, { nullable: true })
  contactPhone: string | null;

  @Field({ description: 'Who escalated: an agent’s subject, or `service:tickets` for automatic steps.' })
  actor: string;

  @Field()
  at: Date;

  /** The ticket's parties: the contact's data is disclosed by them (common/access.ts rule 4). */
  parties: TicketParties;
}

/** The schema's view of a stored step. */
export function toTicketEscalation(row: EscalationRow, parties: TicketParties): TicketEscalation {
  return Object.assign(new TicketEscalation(), {
    id: row.id,
    level: row.level,
    fromLevel: row.fromLevel,
    cause: row.cause,
    atTop: row.fromLevel === row.level,
    breachKey: row.breachKey,
    reason: row.reason,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    actor: row.actor,
    at: row.at,
    parties: { responsibleOutletId: parties.responsibleOutletId, counterpartOutletId: parties.counterpartOutletId },
  });
}
