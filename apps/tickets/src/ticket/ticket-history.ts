import type { DataSource } from 'typeorm';
import { Args, Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { disclose, type PersonalDatum, type PersonSubject } from '@courierdesk/domain-network';
import { personalDataViewer, Scope } from '@courierdesk/platform-auth';
import { childPagesLoader, CONNECTION_SIZE, connectionType, mapPage, PageArgs, type ChildPageKey } from '@courierdesk/platform-subgraph';
import { ticketOwner } from '../common/access';
import type { TicketsContext } from '../tickets.loaders';
import { Ticket } from './ticket.type';

/** A line of a ticket's audit trail as stored. */
interface HistoryRow {
  id: string;
  ticketId: string;
  at: Date;
  actor: string;
  type: string;
  field: string | null;
  fromValue: string | null;
  toValue: string | null;
}

/**
 * Fields of the trail whose values are a person's datum: shown by the personal-data policy like the
 * fields themselves (a partner of another outlet never reads a caller's phone through the history).
 */
const PERSONAL_FIELDS: Readonly<Record<string, { subject: PersonSubject; datum: PersonalDatum }>> = {
  callerName: { subject: 'CUSTOMER', datum: 'NAME' },
  callerPhone: { subject: 'CUSTOMER', datum: 'PHONE' },
  description: { subject: 'CUSTOMER', datum: 'NOTE' },
  resolutionNote: { subject: 'CUSTOMER', datum: 'NOTE' },
  problemAnswer: { subject: 'CUSTOMER', datum: 'NOTE' },
  problemAnsweredBy: { subject: 'STAFF', datum: 'NAME' },
};

/** One change of a ticket (工单操作记录): who, when, which field, from → to. */
@ObjectType({ description: 'One line of a ticket’s audit trail: who did what when; for a field change, the field and its value before and after.' })
export class TicketHistoryEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({ description: 'Who: an agent’s or outlet’s subject, `service:tickets` for the graph’s own acts.' })
  actor: string;

  @Field({ description: 'What: CREATED, STATUS_CHANGED, ASSIGNED, URGED, REPLIED, ESCALATED, MERGED_INTO, …' })
  type: string;

  @Field(() => String, { nullable: true, description: 'The field changed, for a field change.' })
  field: string | null;

  @Field(() => String, { nullable: true, description: 'Its value before (personal data as the policy shows it to you).' })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'Its value after (personal data as the policy shows it to you).' })
  to: string | null;
}

/** A ticket's audit trail, oldest first. */
export const TicketHistoryConnection = connectionType(TicketHistoryEntry, 'TicketHistory');

/** The request's loader of history pages: every ticket of a level in one statement. */
export function historyLoaders(ds: DataSource) {
  return {
    history: childPagesLoader<ChildPageKey, HistoryRow>({
      sortKeyLength: 1,
      validAfter: ([id]) => typeof id === 'string' && /^\d{1,19}$/.test(id),
      parentOf: (row) => row.ticketId,
      sortKey: (row) => [row.id],
      fetch: async (ticketIds, limit, after) =>
        (await ds.query(
          `SELECT e.id::text AS id, e.ticket_id::text AS "ticketId", e.at, e.actor, e.type, e.field, e.from_value AS "fromValue", e.to_value AS "toValue"
             FROM unnest($1::uuid[]) AS p(id)
             CROSS JOIN LATERAL (
               SELECT * FROM ticket_event x WHERE x.ticket_id = p.id AND ($3::bigint IS NULL OR x.id > $3::bigint) ORDER BY x.id LIMIT $2
             ) e`,
          [ticketIds, limit, after ? after[0] : null],
        )) as HistoryRow[],
    }),
  };
}

/** Ticket.history. */
@Resolver(() => Ticket)
export class TicketHistoryResolver {
  @Authorized(Scope.TICKETS_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => TicketHistoryConnection, { description: 'The audit trail (操作记录), oldest first: every change with who, when, field, from → to. Nothing is edited in place without a line here.' })
  async history(@Root() ticket: Ticket, @Args() page: PageArgs, @Ctx() ctx: TicketsContext) {
    const viewer = personalDataViewer(ctx.identity);
    const owner = ticketOwner(ticket);
    const show = (row: HistoryRow, value: string | null): string | null => {
      const personal = row.field ? PERSONAL_FIELDS[row.field] : undefined;
      return personal ? disclose(viewer, { ...personal, owner }, value) : value;
    };
    const rows = await ctx.loaders.history.load({ parentId: ticket.id, first: page.first, after: page.after });
    return mapPage(rows, (row) =>
      Object.assign(new TicketHistoryEntry(), { id: row.id, at: row.at, actor: row.actor, type: row.type, field: row.field, from: show(row, row.fromValue), to: show(row, row.toValue) }),
    );
  }
}
