import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { EscalationTopic } from '../common/enums';
import type { NetworkContext } from '../network.loaders';
import { Outlet, toOutlet } from '../outlet/outlet.type';
import { TransitCentre, toTransitCentre } from '../transit-centre/transit-centre.type';
import { Courier, toCourier } from '../courier/courier.type';
import { Contact, EscalationChain, EscalationStep } from './contact.type';
import type { EscalationService } from './escalation.service';

/** Contacts (联系人) and escalation chains (升级链). */
@Resolver(() => Contact)
export class ContactResolver {
  constructor(private readonly escalations: EscalationService) {}

  @Authorized(Scope.NETWORK_READ)
  @Query(() => EscalationChain, {
    description: 'Whom to call, in order, about a problem at an outlet; give `areaId` to include its courier. Outlet-bound callers: own outlet only.',
  })
  escalationChain(
    @Arg('outletId', () => ID) outletId: string,
    @Arg('topic', () => EscalationTopic) topic: EscalationTopic,
    @Arg('areaId', () => ID, { nullable: true }) areaId: string | null,
    @Ctx() ctx: NetworkContext,
  ): Promise<EscalationChain> {
    return this.escalations.chain(ctx.identity, outletId, topic, areaId);
  }

  @FieldResolver(() => Outlet, { nullable: true })
  async outlet(@Root() contact: Contact, @Ctx() ctx: NetworkContext): Promise<Outlet | null> {
    const row = contact.outletId ? await ctx.loaders.outlet.load(contact.outletId) : null;
    return row && toOutlet(row);
  }

  @FieldResolver(() => TransitCentre, { nullable: true })
  async transitCentre(@Root() contact: Contact, @Ctx() ctx: NetworkContext): Promise<TransitCentre | null> {
    const row = contact.transitCentreId ? await ctx.loaders.transitCentre.load(contact.transitCentreId) : null;
    return row && toTransitCentre(row);
  }
}

@Resolver(() => EscalationStep)
export class EscalationStepResolver {
  @FieldResolver(() => Courier, { nullable: true, description: 'The courier, when this step is one.' })
  async courier(@Root() step: EscalationStep, @Ctx() ctx: NetworkContext): Promise<Courier | null> {
    const row = step.courierId ? await ctx.loaders.courier.load(step.courierId) : null;
    return row && toCourier(row);
  }
}

@Resolver(() => EscalationChain)
export class EscalationChainResolver {
  @FieldResolver(() => Outlet)
  async outlet(@Root() chain: EscalationChain, @Ctx() ctx: NetworkContext): Promise<Outlet | null> {
    const row = await ctx.loaders.outlet.load(chain.outletId);
    return row && toOutlet(row);
  }
}
