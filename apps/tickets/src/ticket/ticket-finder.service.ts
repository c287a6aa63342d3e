import type { DataSource } from 'typeorm';
import { assertTicketNumber } from '@courierdesk/domain-ticket';
import { pageSize, toPage, type Page, type PageArgs } from '@courierdesk/platform-subgraph';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet, canSeeTicket } from '../common/access';
import { ticketsError } from '../common/tickets.errors';
import { referenceArg } from '@courierdesk/platform-subgraph';
import { queueCursorOf, ticketPageQuery, type TicketCriteria } from './ticket-queue.query';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from './ticket.row';
import type { TicketsLoaders } from '../tickets.loaders';

/** Reading tickets: one by id or number, and the queue (工单队列) — always within the caller's reach. */
export class TicketFinderService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
  ) {}

  /** A ticket by id or by number (exactly one); NOT_FOUND when absent or out of reach. */
  async one(identity: Identity, loaders: TicketsLoaders, id: string | null, number: string | null): Promise<TicketRow> {
    if (Boolean(id) === Boolean(number)) throw ticketsError('TICKET_KEY_REQUIRED', 'Give either id or number');
    let row: TicketRow | null;
    if (id) {
      row = await loaders.ticket.load(referenceArg(id, 'id') as string);
    } else {
      const canonical = assertTicketNumber(number as string);
      const [raw] = (await this.ds.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.number = $1`, [canonical])) as Record<string, unknown>[];
      row = raw ? ticketRowOf(raw) : null;
      if (row) loaders.ticket.prime(row.id, row);
    }
    if (!row || !canSeeTicket(identity, row)) throw ticketsError('TICKET_NOT_FOUND', `No ticket ${id ?? number}`);
    return row;
  }

  /** A page of the queue, nearest deadline first; an outlet-bound caller's own outlet's tickets only. */
  async page(identity: Identity, loaders: TicketsLoaders, criteria: Omit<TicketCriteria, 'restrictOutletId' | 'now'>, page: PageArgs): Promise<Page<TicketRow>> {
    const size = pageSize(page.first);
    if (criteria.openedFrom && criteria.openedTo && criteria.openedFrom > criteria.openedTo) throw ticketsError('INVALID_TIME_RANGE', 'openedFrom is after openedTo');
    const { sql, params } = ticketPageQuery({ ...criteria, restrictOutletId: callerOutlet(identity), now: this.clock() }, size, page.after);
    const rows = ((await this.ds.query(sql, params)) as Record<string, unknown>[]).map(ticketRowOf);
    for (const row of rows) loaders.ticket.prime(row.id, row);
    return toPage(rows, size, page.after, queueCursorOf, (row) => row);
  }
}
