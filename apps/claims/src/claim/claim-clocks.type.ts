import { Field, ObjectType } from 'type-graphql';
import type { ClaimClock as DomainClock } from '@courierdesk/domain-liability';

/** One statutory clock of a claim (理赔时限). */
@ObjectType({ description: 'A statutory clock of a claim: FILING (the window to file), ACKNOWLEDGE (24 h), DECIDE (30 days, 60 international), PAY (7 days after agreement).' })
export class ClaimClock {
  @Field({ description: 'FILING, ACKNOWLEDGE, DECIDE or PAY.' })
  metric: string;

  @Field()
  startedAt: Date;

  @Field({ description: 'The last instant still in time.' })
  deadline: Date;

  @Field(() => Date, { nullable: true, description: 'When it was done, if it was.' })
  doneAt: Date | null;

  @Field({ description: 'ACTIVE, MET or BREACHED.' })
  state: string;

  @Field({ description: 'The rule that set the deadline.' })
  ruleCode: string;

  @Field({ description: 'The liability policy version in force when the clock started.' })
  ruleVersion: string;
}

/** The schema's view of a domain claim clock. */
export const toClaimClock = (clock: DomainClock): ClaimClock =>
  Object.assign(new ClaimClock(), {
    metric: clock.metric,
    startedAt: clock.startedAt,
    deadline: clock.deadline,
    doneAt: clock.doneAt,
    state: clock.state,
    ruleCode: clock.ruleCode,
    ruleVersion: clock.ruleVersion,
  });
