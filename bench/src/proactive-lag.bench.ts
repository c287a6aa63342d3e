import type { Logger } from 'pino';
import type { DemoScanEvent } from '@courierdesk/seed';
import { encodeCursor } from '@courierdesk/platform-subgraph';
import { DEFAULT_PROACTIVE_MS } from '@courierdesk/tickets';
import { DEFAULT_ANOMALY_SWEEP_MS, DEFAULT_NUDGE_DELAY_MS } from '@courierdesk/tracking';
import { requestBody, type BenchGraph } from './bench-graph';
import { t, trackingClient, type BenchData, type WorkloadSet } from './bench-data';
import { RECORD_SCANS, recordScansVariables, scanInput } from './ingest.bench';
import { ticketsClient } from './tickets-load';
import { latencyStats, type LatencyStats } from './stats';

/** The tickets subgraph's name for tracking's feed in feed_position (proactive-tickets.service.ts). */
const ANOMALY_FEED = 'tracking.anomalyEvents';

/** What the volume left for the background jobs, settled before the measurements. */
export interface SteadyState {
  /** Volume waybills marked judged (the detector's backlog after a bulk load). */
  judged: number;
  /** Anomaly events the sweeps published meanwhile, skipped by moving the consumer's position past them. */
  skippedEvents: number;
  seconds: number;
}

/** Scan → proactive ticket, per waybill, in ms. */
export interface ProactiveLag {
  waybills: number;
  /** Pace of the scans: one waybill's recordScans call every `gapMs`. */
  gapMs: number;
  /** The timers in force (ms). */
  timers: { nudgeDelayMs: number; sweepMs: number; consumerMs: number; pollMs: number };
  /** recordScans sent → the ticket answered tickets(filter: { waybillNo }) through the gateway. */
  total: LatencyStats;
  /** recordScans sent → anomaly_event.recorded_at (the call, tracking's nudge and sweep). */
  toAnomaly: LatencyStats;
  /** anomaly_event.recorded_at → ticket.opened_at (the consumer's interval and its round). */
  toTicket: LatencyStats;
  /** ticket.opened_at → seen through the gateway (the round's commit and the poll). */
  toVisible: LatencyStats;
}

/**
 * The state a running system is in after a bulk load: tracking's detector has judged the loaded
 * waybills (marked judged in their current state, their past-due rechecks cleared — a backlog of
 * a million waybills a sweep would otherwise work through for minutes at the front of the line),
 * and the desk's consumer has read the feed to its end. Without this the lag measured would be the
 * backlog's, not the pipeline's.
 */
export async function settleBackgroundJobs(databaseUrl: string, now: Date): Promise<SteadyState> {
  const started = Date.now();
  const tracking = await trackingClient(databaseUrl, 'courierdesk-bench-settle');
  const tickets = await ticketsClient(databaseUrl, 'courierdesk-bench-settle');
  try {
    const judged = await tracking.query(
      `UPDATE ${t('waybill')} SET anomaly_judged_count = event_count,
              anomaly_recheck_at = CASE WHEN anomaly_recheck_at < $1::timestamptz + interval '1 hour' THEN NULL ELSE anomaly_recheck_at END
        WHERE (watch_from IS NOT NULL AND anomaly_judged_count IS DISTINCT FROM event_count) OR anomaly_recheck_at < $1::timestamptz + interval '1 hour'`,
      [now],
    );
    const { rows: [{ seq, events }] } = await tracking.query(`SELECT coalesce(max(seq), 0)::text AS seq, count(*)::int AS events FROM ${t('anomaly_event')}`);
    await tickets.query(
      `INSERT INTO feed_position (feed, position) VALUES ($1, $2) ON CONFLICT (feed) DO UPDATE SET position = excluded.position, updated_at = now()`,
      [ANOMALY_FEED, seq === '0' ? null : encodeCursor(['AE', seq])],
    );
    return { judged: judged.rowCount ?? 0, skippedEvents: events as number, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.all([tracking.end(), tickets.end()]);
  }
}

/**
 * Fresh waybills whose scans end in a sign-off with no out-for-delivery scan before it (虚假签收
 * suspected: SIGNED_WITHOUT_OUT_FOR_DELIVERY, an immediate rule), from the generator's delivered
 * journeys with their out-for-delivery scans left out. Written (untimed) as just created.
 */
export async function suspectSignOffs(data: BenchData, databaseUrl: string, count: number): Promise<WorkloadSet> {
  const histories: WorkloadSet['histories'] = [];
  while (histories.length < count) {
    for (const history of data.generate(count * 40).histories) {
      const signed = history.events.findIndex((e) => e.type === 'SIGNED');
      if (signed < 0 || !history.events.slice(0, signed).some((e) => e.type === 'OUT_FOR_DELIVERY')) continue;
      const events = history.events.slice(0, signed + 1).filter((e) => e.type !== 'OUT_FOR_DELIVERY');
      histories.push({ waybill: history.waybill, events });
      if (histories.length === count) break;
    }
  }
  const set = { histories, events: histories.flatMap((h) => h.events) };
  await data.insertWaybills(set, 'initial');
  // Judged as created (no scans yet), as the detector would have them: their creation times are
  // in the last two days, so a sweep before their scans arrive would find a missing pickup scan,
  // whose ticket would be taken for the sign-off's.
  const client = await trackingClient(databaseUrl, 'courierdesk-bench-lag');
  try {
    await client.query(`UPDATE ${t('waybill')} SET anomaly_judged_count = event_count, anomaly_recheck_at = NULL WHERE waybill_no = ANY($1)`, [
      histories.map((h) => h.waybill.waybillNo),
    ]);
  } finally {
    await client.end();
  }
  return set;
}

interface Pending {
  waybillNo: string;
  /** When the scanner's recordScans call was sent (its scans commit inside the call). */
  scannedAt: number;
  seenAt: number | null;
}

/** Aliases per poll request (the gateway's alias limit is a little above). */
const POLL_ALIASES = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The proactive-ticket lag with the real timers: the consumer is started at its default pace, then
 * one waybill's scans are sent through the gateway's recordScans every `gapMs` (so the scans land
 * at every phase of the timers), while a poller asks the gateway every `pollMs` for the pending
 * waybills' tickets (one request, an alias per waybill) as an HQ agent. Scan time is when the
 * recordScans call was sent (its commit, and the nudge, happen before it returns); the split comes from the tables afterwards (tracking's
 * recorded_at, the ticket's opened_at; one clock: same machine).
 */
export async function measureProactiveLag(
  graph: BenchGraph,
  databaseUrl: string,
  set: WorkloadSet,
  options: { gapMs: number; pollMs: number; timeoutMs: number; logger: Logger },
): Promise<ProactiveLag> {
  const tickets = graph.tickets;
  if (!tickets?.services.proactive) throw new Error('the tickets subgraph with its proactive consumer is needed');
  const bodies = set.histories.map((h) => ({ waybillNo: h.waybill.waybillNo, body: requestBody(RECORD_SCANS, recordScansVariables(h.events.map((e: DemoScanEvent) => scanInput(e)), 'columns')) }));
  tickets.services.proactive.start(DEFAULT_PROACTIVE_MS, options.logger.child({ component: 'proactive' }));
  const pending: Pending[] = [];
  let sending = true;
  let failed: unknown = null;
  const poller = (async () => {
    while (sending || pending.some((p) => p.seenAt === null)) {
      const waiting = pending.filter((p) => p.seenAt === null);
      // The gateway allows a few aliases per operation: the oldest pending first, in chunks.
      for (let from = 0; from < waiting.length; from += POLL_ALIASES) {
        const chunk = waiting.slice(from, from + POLL_ALIASES);
        const query = `query { ${chunk.map((p, i) => `w${i}: tickets(filter: { waybillNo: "${p.waybillNo}" }, first: 1) { edges { node { number } } }`).join(' ')} }`;
        const data = await graph.gateway<Record<string, { edges: unknown[] }>>(graph.tokens.agent, query);
        const at = Date.now();
        chunk.forEach((p, i) => {
          if (data[`w${i}`].edges.length > 0) p.seenAt = at;
        });
      }
      const late = waiting.find((p) => p.seenAt === null && Date.now() - p.scannedAt > options.timeoutMs);
      if (late) throw new Error(`no proactive ticket for ${late.waybillNo} ${options.timeoutMs} ms after its scans`);
      await sleep(options.pollMs);
    }
  })().catch((err: unknown) => {
    failed = err;
  });
  try {
    for (const { waybillNo, body } of bodies) {
      if (failed) break;
      const scannedAt = Date.now();
      const result = (await graph.gatewayBody<{ recordScans: { accepted: number; rejected: number } }>(graph.tokens.scanner, body)).recordScans;
      if (result.rejected > 0 || result.accepted === 0) throw new Error(`recordScans took ${result.accepted} and rejected ${result.rejected} scans of ${waybillNo}`);
      pending.push({ waybillNo, scannedAt, seenAt: null });
      await sleep(options.gapMs);
    }
  } finally {
    sending = false;
    await poller.finally(() => tickets.services.proactive?.stop());
  }
  if (failed) throw failed;
  return { ...(await splitOf(databaseUrl, pending)), waybills: pending.length, gapMs: options.gapMs, timers: timers(options.pollMs) };
}

const timers = (pollMs: number) => ({ nudgeDelayMs: DEFAULT_NUDGE_DELAY_MS, sweepMs: DEFAULT_ANOMALY_SWEEP_MS, consumerMs: DEFAULT_PROACTIVE_MS, pollMs });

/** The split of each waybill's lag from the tables: its first anomaly event's recorded_at, its proactive ticket's opened_at. */
async function splitOf(databaseUrl: string, pending: readonly Pending[]): Promise<Omit<ProactiveLag, 'waybills' | 'gapMs' | 'timers'>> {
  const numbers = pending.map((p) => p.waybillNo);
  const tracking = await trackingClient(databaseUrl, 'courierdesk-bench-lag');
  const tickets = await ticketsClient(databaseUrl, 'courierdesk-bench-lag');
  try {
    const { rows: anomalies } = await tracking.query(
      `SELECT waybill_no AS "waybillNo", (extract(epoch FROM min(recorded_at)) * 1000)::float8 AS at FROM ${t('anomaly_event')}
        WHERE waybill_no = ANY($1) AND code = 'SIGNED_WITHOUT_OUT_FOR_DELIVERY' GROUP BY waybill_no`,
      [numbers],
    );
    const { rows: opened } = await tickets.query(
      `SELECT waybill_no AS "waybillNo", (extract(epoch FROM min(opened_at)) * 1000)::float8 AS at FROM ticket
        WHERE waybill_no = ANY($1) AND anomaly_code = 'SIGNED_WITHOUT_OUT_FOR_DELIVERY' GROUP BY waybill_no`,
      [numbers],
    );
    const recordedAt = new Map(anomalies.map((r) => [r.waybillNo as string, r.at as number]));
    const openedAt = new Map(opened.map((r) => [r.waybillNo as string, r.at as number]));
    const total: number[] = [];
    const toAnomaly: number[] = [];
    const toTicket: number[] = [];
    const toVisible: number[] = [];
    for (const p of pending) {
      const recorded = recordedAt.get(p.waybillNo);
      const ticket = openedAt.get(p.waybillNo);
      if (recorded === undefined || ticket === undefined || p.seenAt === null) throw new Error(`${p.waybillNo}: no anomaly event or no proactive ticket after the run`);
      total.push(p.seenAt - p.scannedAt);
      toAnomaly.push(recorded - p.scannedAt);
      toTicket.push(ticket - recorded);
      toVisible.push(p.seenAt - ticket);
    }
    return {
      total: latencyStats(total),
      toAnomaly: latencyStats(toAnomaly),
      toTicket: latencyStats(toTicket),
      toVisible: latencyStats(toVisible),
    };
  } finally {
    await Promise.all([tracking.end(), tickets.end()]);
  }
}
