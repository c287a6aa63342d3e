import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { listSize, PersonalData } from '@courierdesk/platform-subgraph';
import { ofDesk } from '../common/access';
import { ContactRole, EscalationTopic } from '../common/enums';
import { MAX_ESCALATION_STEPS, MAX_MISSING_ROLES } from '../common/list-bounds';
import type { ContactEntity } from './contact.entity';

/** A desk or person to call (联系人): an outlet's CS or manager, a transit centre's CS, or HQ CS. */
@ObjectType({ description: 'A desk or person to call (联系人).' })
export class Contact {
  @Field(() => ID)
  id: string;

  @Field(() => ContactRole)
  role: ContactRole;

  @PersonalData<Contact>({ subject: 'STAFF', datum: 'NAME', owner: (contact) => ofDesk(contact.outletId) })
  @Field(() => String, { nullable: true, description: 'Whole with pii:read for hub and HQ desks and your own outlet’s; 张* otherwise.' })
  name: string;

  @PersonalData<Contact>({ subject: 'STAFF', datum: 'PHONE', owner: (contact) => ofDesk(contact.outletId) })
  @Field(() => String, { nullable: true, description: 'Whole with pii:read for hub and HQ desks and your own outlet’s; masked otherwise.' })
  phone: string;

  outletId: string | null;
  transitCentreId: string | null;
}

/** One step of an escalation chain: a contact, or the courier covering the area in question. */
@ObjectType({ description: 'One step of an escalation chain (升级链): call them in `position` order.' })
export class EscalationStep {
  @Field(() => Int, { description: 'Calling order, from 1.' })
  position: number;

  @Field(() => ContactRole)
  role: ContactRole;

  @PersonalData<EscalationStep>({ subject: stepSubject, datum: 'NAME', owner: (step) => ofDesk(step.outletId) })
  @Field(() => String, { nullable: true, description: 'Masked by the same rules as the contact’s or courier’s own name.' })
  name: string;

  @PersonalData<EscalationStep>({ subject: stepSubject, datum: 'PHONE', owner: (step) => ofDesk(step.outletId) })
  @Field(() => String, { nullable: true, description: 'Masked by the same rules as the contact’s or courier’s own phone.' })
  phone: string;

  @Field(() => Contact, { nullable: true, description: 'The contact, unless this step is a courier.' })
  contact: Contact | null;

  courierId: string | null;
  outletId: string | null;
}

/** A step is the area's courier or a desk's staff. */
function stepSubject(step: EscalationStep): 'COURIER' | 'STAFF' {
  return step.role === 'COURIER' ? 'COURIER' : 'STAFF';
}

/** Whom to call about a problem at an outlet, in order, and which roles nobody fills. */
@ObjectType({ description: 'Whom to call, in order, about a problem at an outlet; roles nobody fills are listed as missing.' })
export class EscalationChain {
  @Field(() => EscalationTopic)
  topic: EscalationTopic;

  @Directive(listSize(MAX_ESCALATION_STEPS))
  @Field(() => [EscalationStep])
  steps: EscalationStep[];

  @Directive(listSize(MAX_MISSING_ROLES))
  @Field(() => [ContactRole], { description: 'Roles of the topic’s order that have no contact (fill them in the directory).' })
  missingRoles: ContactRole[];

  outletId: string;
}

/** The schema's view of a contact row. */
export function toContact(row: ContactEntity): Contact {
  return Object.assign(new Contact(), {
    id: row.id,
    role: row.role,
    name: row.name,
    outletId: row.outletId,
    transitCentreId: row.transitCentreId,
    phone: row.phone,
  });
}
