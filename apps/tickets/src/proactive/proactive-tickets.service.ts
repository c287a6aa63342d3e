import type { DataSource } from 'typeorm';
import { proactiveTicketFor, type ProactiveAnomaly } from '@courierdesk/domain-ticket';
import { withTransaction } from '@courierdesk/platform-db';
import { GraphUnavailableError, type Logger } from '@courierdesk/platform-subgraph';
import type { NewTicket, OpenTicketService } from '../ticket/open-ticket.service';
import type { AnomalyEventMessage, AnomalyFeed } from './anomaly-feed';

/** The feed's name in feed_position. */
export const ANOMALY_FEED = 'tracking.anomalyEvents';

/** Who opens proactive tickets, in the audit trail. */
export const PROACTIVE_ACTOR = 'service:tickets';

/** Events read per round. */
const PAGE = 100;

/** What one round did. */
export interface ConsumeResult {
  /** Another process held the feed: this round read nothing. */
  skipped: boolean;
  events: number;
  opened: number;
  /** Episodes that already had their ticket (a redelivery). */
  duplicates: number;
  more: boolean;
}

/**
 * Proactive tickets (主动预警工单): the anomalies tracking detects open tickets by themselves,
 * assigned to the outlet or transit centre that must act, before the customer calls.
 *
 * Delivery is at least once: a round locks this feed's position row (NOWAIT: a second process
 * skips the round instead of queueing behind it), reads the next page of tracking's feed, opens
 * the tickets and moves the position — one transaction. A crash before the commit redelivers the
 * page; the unique (waybill, anomaly code, episode start) index turns a redelivered event into
 * nothing, so there is exactly one ticket per waybill and anomaly episode, across restarts and
 * processes. Reading the feed (HTTP) inside the transaction holds the row lock a few milliseconds
 * longer; in exchange no two processes ever open the same page.
 */
export class ProactiveTicketsService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly feed: AnomalyFeed,
    private readonly opening: OpenTicketService,
  ) {}

  /** One round: the next page of events, each opening its ticket once. */
  async consume(): Promise<ConsumeResult> {
    return withTransaction(this.ds, async (manager) => {
      await manager.query(`INSERT INTO feed_position (feed, position) VALUES ($1, NULL) ON CONFLICT (feed) DO NOTHING`, [ANOMALY_FEED]);
      let position: string | null;
      try {
        [{ position }] = (await manager.query(`SELECT position FROM feed_position WHERE feed = $1 FOR UPDATE NOWAIT`, [ANOMALY_FEED])) as { position: string | null }[];
      } catch (err) {
        if ((err as { driverError?: { code?: string } }).driverError?.code === '55P03') return { skipped: true, events: 0, opened: 0, duplicates: 0, more: false };
        throw err;
      }
      const page = await this.feed.read(position, PAGE);
      let opened = 0;
      for (const event of page.events) {
        const { repeat } = await this.opening.insert(manager, this.ticketFor(event), { subject: PROACTIVE_ACTOR, outletId: null, at: this.clock() });
        if (!repeat) opened++;
      }
      await manager.query(`UPDATE feed_position SET position = $2, updated_at = now() WHERE feed = $1`, [ANOMALY_FEED, page.position]);
      return { skipped: false, events: page.events.length, opened, duplicates: page.events.length - opened, more: page.hasMore };
    });
  }

  /** Rounds until the feed is drained (or another process holds it). */
  async drain(): Promise<ConsumeResult> {
    const total: ConsumeResult = { skipped: false, events: 0, opened: 0, duplicates: 0, more: false };
    for (;;) {
      const round = await this.consume();
      total.skipped ||= round.skipped;
      total.events += round.events;
      total.opened += round.opened;
      total.duplicates += round.duplicates;
      if (round.skipped || !round.more) return total;
    }
  }

  private ticketFor(event: AnomalyEventMessage): NewTicket {
    const anomaly: ProactiveAnomaly = { code: event.code as ProactiveAnomaly['code'], location: event.location };
    const planned = proactiveTicketFor(anomaly, { originOutletId: event.originOutletId, destinationOutletId: event.destinationOutletId ?? event.originOutletId });
    const responsibleOutletId = planned.responsible.kind === 'OUTLET' ? planned.responsible.id : null;
    return {
      kind: planned.kind,
      reason: planned.reason,
      channel: 'PROACTIVE',
      priority: planned.priority,
      title: planned.title,
      description: null,
      waybillNo: event.waybillNo,
      callerName: null,
      callerPhone: null,
      callerRole: null,
      responsibleOutletId,
      responsibleTransitCentreId: planned.responsible.kind === 'TRANSIT_CENTRE' ? planned.responsible.id : null,
      counterpartOutletId: null,
      assignee: null,
      escalationLevel: null,
      regulatorCaseNo: null,
      regulatorDeadline: null,
      anomaly: { code: event.code, since: event.since, seq: event.seq, detectedAt: event.detectedAt },
    };
  }

  /** Consumes on a timer (every `intervalMs`); a failed round is logged and retried next time. */
  start(intervalMs: number, logger: Logger): void {
    if (intervalMs <= 0 || this.timer) return;
    const tick = () => {
      this.running = this.drain()
        .then((result) => {
          if (result.opened > 0) logger.info({ ...result }, 'opened proactive tickets');
        })
        .catch((err: unknown) => {
          // The gateway not up yet (at start) or briefly away: the next round catches up.
          const level = err instanceof GraphUnavailableError ? 'info' : 'warn';
          logger[level]({ err: (err as Error).message }, 'proactive tickets: the anomaly feed could not be read this round');
        })
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops the timer and waits for a round under way. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
