import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import type { TicketsContext } from '../tickets.loaders';
import type { WorkingHoursService } from './working-hours.service';

/** An outlet's working hours. */
@InputType({ description: 'An outlet’s working hours on official working days (HH:MM, China time); its tickets’ business-time clocks count in them.' })
export class SetOutletWorkingHoursInput {
  @Field(() => ID)
  outletId: string;

  @Field({ description: 'e.g. 08:30' })
  opens: string;

  @Field({ description: 'e.g. 18:00 (24:00 for midnight)' })
  closes: string;
}

/** The hours as stored. */
@ObjectType({ description: 'An outlet’s working hours (营业时间) as the desk counts them.' })
export class OutletWorkingHours {
  @Field(() => ID)
  outletId: string;

  @Field()
  opens: string;

  @Field()
  closes: string;

  @Field(() => Int, { description: 'Open tickets whose deadlines were recomputed with these hours.' })
  recomputedTickets: number;
}

/** Setting an outlet's working hours. */
@Resolver()
export class WorkingHoursResolver {
  constructor(private readonly hours: WorkingHoursService) {}

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => OutletWorkingHours, { description: 'Sets an outlet’s working hours (HQ any outlet, an outlet its own); its open tickets’ deadlines follow at once.' })
  async setOutletWorkingHours(@Arg('input', () => SetOutletWorkingHoursInput) input: SetOutletWorkingHoursInput, @Ctx() ctx: TicketsContext): Promise<OutletWorkingHours> {
    const set = await this.hours.set(ctx.identity, input);
    return Object.assign(new OutletWorkingHours(), { outletId: set.outletId, opens: set.hours.opens, closes: set.hours.closes, recomputedTickets: set.recomputed });
  }
}
