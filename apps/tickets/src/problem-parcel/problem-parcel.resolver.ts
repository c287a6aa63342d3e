import { Arg, Authorized, FieldResolver, Mutation, Resolver, Root, Ctx } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import type { TicketsContext } from '../tickets.loaders';
import { Ticket, toTicket } from '../ticket/ticket.type';
import { AnswerProblemParcelInput, ReportRecipientUnreachableInput } from './problem-parcel.input';
import type { ProblemParcelService } from './problem-parcel.service';
import { ProblemParcelOrder } from './problem-parcel.type';

/** Problem parcels between outlets (问题件): the answer, unreachable reports and the order's view. Thin. */
@Resolver(() => Ticket)
export class ProblemParcelResolver {
  constructor(
    private readonly problemParcels: ProblemParcelService,
    private readonly clock: () => Date,
  ) {}

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, {
    description:
      'The other outlet’s answer to a problem parcel (问题件回复), by a named person; FORBIDDEN (NOT_THE_ANSWERING_OUTLET) for the registering outlet. Moves an open or waiting ticket to IN_PROGRESS.',
  })
  async answerProblemParcel(@Arg('input', () => AnswerProblemParcelInput) input: AnswerProblemParcelInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.problemParcels.answer(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, { description: 'Records a failed attempt to reach the recipient of a problem parcel; the first one starts the days until it goes back to the origin outlet.' })
  async reportRecipientUnreachable(@Arg('input', () => ReportRecipientUnreachableInput) input: ReportRecipientUnreachableInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.problemParcels.reportRecipientUnreachable(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_READ)
  @FieldResolver(() => ProblemParcelOrder, { nullable: true, description: 'Problem parcels between outlets (问题件): deadline, answer and state now; null for other kinds.' })
  problemParcel(@Root() ticket: Ticket): ProblemParcelOrder | null {
    return this.problemParcels.orderOf(ticket.row, this.clock());
  }
}
