import type { DataSource, EntityManager } from 'typeorm';
import { escalationsDue, type EscalationsDue } from '@courierdesk/domain-sla';
import { withTransaction } from '@courierdesk/platform-db';
import type { Logger } from '@courierdesk/platform-subgraph';
import { TicketsError } from '../common/tickets.errors';
import type { EscalationChains, EscalationContact } from '../graph/escalation-chains';
import { readWorkingHours, type SlaDesk } from '../sla/sla-desk';
import { readClockEvents } from '../ticket/ticket.loaders';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from '../ticket/ticket.row';
import { lockTicket, saveChange, type Actor } from '../ticket/ticket.store';
import { currentEscalationLevel, escalationLevelsOf, escalationTopicOf } from './escalation-topic';
import { contactFor, escalationChange, insertEscalations, type EscalationStepInput } from './escalation.store';

/** Who the sweep acts as in the audit trail and the escalation record. */
export const SWEEPER_SUBJECT = 'service:tickets';

/** What one sweep did. */
export interface SweepReport {
  /** Open tickets past their nearest deadline, whose clocks were computed. */
  examined: number;
  /** Tickets that went up (or, at the top, recorded a new breach). */
  escalated: number;
  /** Steps recorded. */
  steps: number;
  /** Tickets escalated without a contact because the graph did not answer. */
  withoutContacts: number;
}

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Automatic escalation on breach (超时自动升级). Finds the open tickets whose nearest deadline has
 * passed (the stored `queue_key` on the open-queue index: a breached, unmet clock keeps it in the
 * past), computes their clocks and asks the domain (escalationsDue) for the steps due; each ticket
 * with steps is then locked, decided again on fresh rows and escalated one level per new breach.
 * A breach is recorded under its idempotency key with `ON CONFLICT DO NOTHING`, so any number of
 * processes sweeping at once, and a sweep after a restart, escalate it once.
 */
export class EscalationSweeper {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly chains: EscalationChains,
    private readonly sla: SlaDesk,
    private readonly batchSize = 200,
  ) {}

  /** One sweep at `now` (default: the clock). */
  async sweep(now: Date = this.clock()): Promise<SweepReport> {
    const report: SweepReport = { examined: 0, escalated: 0, steps: 0, withoutContacts: 0 };
    // One chain per outlet and topic per sweep: a backlog at one outlet is one graph call.
    const chains = new Map<string, Promise<EscalationContact[] | null>>();
    let after: [Date, Date, string] | null = null;
    for (;;) {
      const rows = await this.overdue(now, after);
      report.examined += rows.length;
      const due = await this.plan(this.ds.manager, rows, now);
      for (const row of rows) {
        if (!due.get(row.id)?.steps.length) continue;
        const contacts = await this.contactsOf(row, chains);
        if (contacts === null) report.withoutContacts++;
        const written = await this.escalate(row.id, contacts, now);
        if (written > 0) {
          report.escalated++;
          report.steps += written;
        }
      }
      if (rows.length < this.batchSize) return report;
      const last = rows[rows.length - 1];
      after = [last.slaDueAt as Date, last.openedAt, last.id];
    }
  }

  /** Open tickets past their nearest deadline, in queue order, one page. */
  private async overdue(now: Date, after: [Date, Date, string] | null): Promise<TicketRow[]> {
    const params: unknown[] = [now, this.batchSize];
    let keyset = '';
    if (after) {
      params.push(...after);
      keyset = `AND (t.queue_key, t.opened_at, t.id) > ($3::timestamptz, $4::timestamptz, $5::uuid)`;
    }
    const raws = (await this.ds.query(
      `SELECT ${TICKET_COLUMNS} FROM ticket t
        WHERE t.status NOT IN ('RESOLVED', 'CLOSED') AND t.queue_key < $1 ${keyset}
        ORDER BY t.queue_key, t.opened_at, t.id LIMIT $2`,
      params,
    )) as Record<string, unknown>[];
    return raws.map(ticketRowOf);
  }

  /** The steps due for each ticket: its clocks now, its level, the breaches it has recorded (three statements for the batch). */
  private async plan(db: Queryable, rows: readonly TicketRow[], now: Date): Promise<Map<string, EscalationsDue>> {
    const plans = new Map<string, EscalationsDue>();
    if (rows.length === 0) return plans;
    const ids = rows.map((r) => r.id);
    const outlets = [...new Set(rows.map((r) => r.responsibleOutletId).filter((id): id is string => id !== null))];
    // In turn, not in parallel: inside the sweep's transaction they share one connection.
    const events = await readClockEvents(db, ids);
    const hoursOf = await readWorkingHours(db, outlets);
    const keys = (await db.query(`SELECT ticket_id::text AS "ticketId", breach_key AS key FROM ticket_escalation WHERE ticket_id = ANY($1::uuid[]) AND breach_key IS NOT NULL`, [
      ids,
    ])) as { ticketId: string; key: string }[];
    const eventsOf = groupBy(events, (e) => e.ticketId);
    const keysOf = groupBy(keys, (k) => k.ticketId);
    for (const row of rows) {
      const clocks = this.sla.clocks(row, eventsOf.get(row.id) ?? [], now, row.responsibleOutletId ? (hoursOf.get(row.responsibleOutletId) ?? null) : null);
      const chain = escalationLevelsOf(escalationTopicOf(row));
      plans.set(
        row.id,
        escalationsDue({
          clocks,
          currentLevel: currentEscalationLevel(row, chain),
          alreadyEscalated: (keysOf.get(row.id) ?? []).map((k) => k.key),
          chain,
        }),
      );
    }
    return plans;
  }

  /** Escalates one ticket under its lock, decided again on what is stored now; returns the steps written. */
  private async escalate(id: string, contacts: EscalationContact[] | null, now: Date): Promise<number> {
    const actor: Actor = { subject: SWEEPER_SUBJECT, outletId: null, at: now };
    return withTransaction(this.ds, async (manager) => {
      const row = await lockTicket(manager, id);
      if (!row || row.mergedIntoId || row.status === 'RESOLVED' || row.status === 'CLOSED') return 0;
      const plan = (await this.plan(manager, [row], now)).get(row.id);
      const steps: EscalationStepInput[] = (plan?.steps ?? []).map((step) => ({
        level: step.to ?? step.from,
        fromLevel: step.from,
        cause: 'BREACH',
        breachKey: step.key,
        reason: null,
        contact: contactFor(contacts, step.to ?? step.from),
      }));
      const written = await insertEscalations(manager, row.id, steps, actor);
      if (written.length === 0) return 0;
      const { changes, type, extra } = escalationChange(row, written);
      const after = await saveChange(manager, row, changes, actor, type, extra);
      await this.sla.recompute(manager, after, now, actor);
      return written.length;
    });
  }

  /** The chain for the ticket; null when the graph did not answer (the ticket still goes up: a late escalation is a missed one). */
  private contactsOf(row: TicketRow, cache: Map<string, Promise<EscalationContact[] | null>>): Promise<EscalationContact[] | null> {
    if (!row.responsibleOutletId) return Promise.resolve([]);
    const topic = escalationTopicOf(row);
    const key = `${row.responsibleOutletId}:${topic}`;
    let chain = cache.get(key);
    if (!chain) {
      chain = this.chains.chain(row.responsibleOutletId, topic).catch((err: unknown) => {
        if (err instanceof TicketsError && err.code === 'GRAPH_UNAVAILABLE') return null;
        throw err;
      });
      cache.set(key, chain);
    }
    return chain;
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A running timer of sweeps; `stop()` waits for a sweep under way. */
export interface SweepTimer {
  stop(): Promise<void>;
}

/** Sweeps every `everyMs` (never two at once in this process); failures are logged and the next tick tries again. */
export function startEscalationSweeps(sweeper: EscalationSweeper, everyMs: number, logger: Logger): SweepTimer {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = sweeper
      .sweep()
      .then((report) => {
        if (report.steps > 0 || report.withoutContacts > 0) logger.info({ ...report }, 'escalation sweep');
      })
      .catch((err: unknown) => logger.error({ err }, 'escalation sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
