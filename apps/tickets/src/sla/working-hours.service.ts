import type { DataSource } from 'typeorm';
import { validateWorkingHours, type WorkingHours } from '@courierdesk/domain-sla';
import { withTransaction } from '@courierdesk/platform-db';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet } from '../common/access';
import { ticketsError } from '../common/tickets.errors';
import { referenceArg } from '@courierdesk/platform-subgraph';
import { TICKET_COLUMNS, ticketRowOf } from '../ticket/ticket.row';
import { outletWorkingHours, type SlaDesk } from './sla-desk';

/** An outlet's working hours as the desk keeps them (营业时间). */
export interface OutletHours {
  outletId: string;
  hours: WorkingHours;
  /** Open tickets whose deadlines were recomputed with the new hours. */
  recomputed: number;
}

/**
 * Setting an outlet's working hours, which its tickets' business-time clocks count in. HQ sets any
 * outlet's; an outlet its own. The outlet's open tickets get their stored deadlines recomputed in
 * the same transaction, so the queue's order follows the new hours at once.
 */
export class WorkingHoursService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly sla: SlaDesk,
  ) {}

  async set(identity: Identity, input: { outletId: string; opens: string; closes: string }): Promise<OutletHours> {
    const outletId = referenceArg(input.outletId, 'outletId') as string;
    const own = callerOutlet(identity);
    if (own !== null && own !== outletId) throw ticketsError('OUTLET_NOT_PARTY', 'An outlet sets its own working hours only');
    const hours = validateWorkingHours(outletWorkingHours(outletId, input.opens.trim(), input.closes.trim()));
    const now = this.clock();
    return withTransaction(this.ds, async (manager) => {
      await manager.query(
        `INSERT INTO outlet_working_hours (outlet_id, opens, closes, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (outlet_id) DO UPDATE SET opens = EXCLUDED.opens, closes = EXCLUDED.closes, updated_at = EXCLUDED.updated_at`,
        [outletId, hours.opens, hours.closes, now],
      );
      const open = ((await manager.query(
        `SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.responsible_outlet_id = $1 AND t.status NOT IN ('RESOLVED', 'CLOSED') FOR UPDATE`,
        [outletId],
      )) as Record<string, unknown>[]).map(ticketRowOf);
      for (const row of open) await this.sla.recompute(manager, row, now, { subject: identity.subject, outletId: own, at: now });
      return { outletId, hours, recomputed: open.length };
    });
  }
}
