import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_ANOMALY_POLICIES, detectAnomalies, type Anomaly, type AnomalyPolicies, type ScanEvent } from '@courierdesk/domain-parcel';
import { withTransaction } from '@courierdesk/platform-db';
import type { Logger } from '@courierdesk/platform-subgraph';
import { mayBeAnomalous } from '../anomaly/anomaly.rules';
import { timelinesOf, type StoredScan } from '../scan/scan-event.row';
import { INSERT_EVENTS, RECORD_JUDGEMENTS, SELECT_DUE, type DueWaybill } from './anomaly-event.statements';

/*
 * The anomaly detector (异常检测) fills tracking's outbox, anomaly_event, which other subgraphs read
 * through the `anomalyEvents` feed (the tickets subgraph opens a proactive ticket per event).
 *
 * One event per episode. An episode is (waybill, code, since): `since` is the anomaly's start, which
 * depends on the timeline only, never on `now` (a time rule's threshold counts from a scan or the
 * creation; an immediate rule starts at its scan). INSERT … ON CONFLICT DO NOTHING on that unique
 * key makes every sweep idempotent — however often, in however many processes, after a restart.
 *
 * One sweep at a time, across processes (pg_try_advisory_xact_lock, per batch transaction). Not for
 * idempotency (the key does that) but for the feed's order: the consumer reads `seq > cursor`. Two
 * concurrent writers could commit seq 8 before seq 7; a reader between the two commits would see 8,
 * move its cursor past 7, and never read 7. With one writer at a time, seqs are drawn inside the
 * lock and committed before it is released, so every seq a reader can see is below every seq not
 * yet committed. A process that finds the lock taken skips its sweep: the holder is doing the work,
 * and the next tick (or nudge) runs again.
 *
 * What a sweep judges (bounded at volume). The stored watch (watch_from) says from when a rule may
 * fire; judged naively, every still-anomalous waybill — a suspicious sign-off stays anomalous
 * forever — would be re-read and re-judged on every sweep. So each judgement is remembered on the
 * waybill row: `anomaly_judged_count` (its event_count then) and `anomaly_recheck_at`. For a fixed
 * timeline every rule has a fixed firing instant (its `since`: time rules fire once `now` passes
 * it, immediate rules at once), so judging the timeline at a far-future instant lists every
 * anomaly it can ever have; those not firing yet give the next instant worth judging again. A
 * waybill is due when (a) its state was not judged (event_count moved on, or never) and its watch
 * has come, or (b) its recheck instant has passed. Both are ranges of partial indexes holding
 * exactly those rows (see the migration); a quiet anomalous waybill is in neither and costs a
 * sweep nothing. The judgement is written only if event_count is still the one read: a scan that
 * lands meanwhile leaves the row due, to be judged again on the new timeline.
 *
 * Bounded work: `batchSize` waybills per batch (one transaction: lock, one SELECT of the due rows,
 * one of their timelines, one INSERT of new episodes, one UPDATE of the judgements), at most
 * `maxPerSweep` per sweep; a sweep that stops short says `more`, and the scheduler sweeps again soon.
 *
 * Signer names never reach an event: the rules run on timelines without them (only the
 * SIGNED_BY_OTHER reason would quote one), so the feed carries no personal data.
 *
 * A new anomaly-policy version invalidates the judgements like the watch (anomaly-watch.ts): reset
 * anomaly_judged_count to NULL with the backfill.
 */

/** How the detector's sweeps are bounded. */
export interface SweepLimits {
  /** Waybills judged per batch (one transaction, four statements). */
  batchSize: number;
  /** Waybills judged per sweep at most; the rest wait for the next one. */
  maxPerSweep: number;
}

/** Default bounds: a batch's timelines are ~8 scans each, so 500 waybills read ~4,000 scans. */
export const DEFAULT_SWEEP_LIMITS: SweepLimits = { batchSize: 500, maxPerSweep: 5_000 };

/** What one sweep did. */
export interface SweepResult {
  /** Another process held the sweep lock: nothing was judged (it is sweeping). */
  skipped: boolean;
  /** Waybills judged. */
  judged: number;
  /** New episodes published (rows added to the feed). */
  published: number;
  /** Stopped at maxPerSweep with due waybills left. */
  more: boolean;
}

/** How the subgraph runs sweeps in the background. */
export interface SweepSchedule {
  /** Period of the sweep in ms; 0 disables the timer and the nudges (tests call sweep). */
  intervalMs: number;
  /** Delay of the sweep after a recordScans commit (debounced: nudges in that window share it). */
  nudgeDelayMs?: number;
  logger: Logger;
}

/** Default delay of the sweep after recorded scans: a burst of uploads shares one sweep. */
export const DEFAULT_NUDGE_DELAY_MS = 200;

// One key for the whole subgraph: hashtext of a name no other lock uses.
const SWEEP_LOCK = `SELECT pg_try_advisory_xact_lock(hashtext('courierdesk:tracking:anomaly_sweep')) AS locked`;
/** An instant far enough ahead that every time rule of a timeline has fired (judging its future). */
const FAR_FUTURE_MS = 100 * 365 * 24 * 3_600_000;

const withoutSignerNames = (events: readonly StoredScan[]): ScanEvent[] =>
  events.map((e) => (e.signer?.name ? { ...e, signer: { kind: e.signer.kind, name: null } } : e));

/** A new episode to publish, as the INSERT takes it. */
export interface NewEpisode {
  waybill: DueWaybill;
  anomaly: Anomaly;
}

/** The judgement of one due waybill: its anomalies now, and when to judge it again (null: only after a scan). */
export interface Judgement {
  anomalies: Anomaly[];
  recheckAt: Date | null;
}

/** Judges one waybill on its timeline at `now`: the anomalies it has, and the next instant a rule fires without a new scan. */
export function judge(waybill: DueWaybill, events: readonly ScanEvent[], now: Date, policies: AnomalyPolicies): Judgement {
  // Not due by its watch (a recheck found a newer state): nothing can fire before the watch.
  if (!mayBeAnomalous(waybill, now)) return { anomalies: [], recheckAt: waybill.watchFrom };
  const at = (instant: Date) =>
    detectAnomalies({
      waybill: { waybillNo: waybill.waybillNo, createdAt: waybill.createdAt, originOutletId: waybill.originOutletId, destinationOutletId: waybill.destinationOutletId },
      events,
      now: instant,
      policy: policies.anomaly,
      peakSeasons: policies.peakSeasons,
    });
  const anomalies = at(now);
  const fired = new Set(anomalies.map((a) => `${a.code}@${a.since.getTime()}`));
  const pending = at(new Date(now.getTime() + FAR_FUTURE_MS)).filter((a) => !fired.has(`${a.code}@${a.since.getTime()}`));
  const recheckAt = pending.length > 0 ? new Date(Math.min(...pending.map((a) => a.since.getTime()))) : null;
  return { anomalies, recheckAt };
}

/**
 * Publishes anomaly episodes into tracking's outbox (anomaly_event): `sweep(now)` judges the waybills
 * due and inserts their new episodes; `start` runs it periodically and soon after `nudge()` (called
 * when recordScans commits); `stop` ends both. Construct with the DataSource, the clock and the
 * policies (createTrackingServices does).
 */
export class AnomalyDetectorService {
  private tail: Promise<unknown> = Promise.resolve();
  private schedule: SweepSchedule | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nudgeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES,
    private readonly limits: SweepLimits = DEFAULT_SWEEP_LIMITS,
  ) {}

  /**
   * Judges the waybills due at `now` (default: the clock) and publishes their new episodes. Sweeps of
   * one instance run one after the other; across processes the advisory lock lets one through.
   */
  sweep(now: Date = this.clock()): Promise<SweepResult> {
    const run = this.tail.then(() => this.sweepOnce(now));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Starts the periodic sweep and the nudges (intervalMs 0: neither). */
  start(schedule: SweepSchedule): void {
    if (schedule.intervalMs <= 0) return;
    this.schedule = schedule;
    this.plan(schedule.intervalMs);
  }

  /** Asks for a sweep soon (recordScans committed scans): debounced; a no-op unless started. */
  nudge(): void {
    if (!this.schedule || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = null;
      void this.background();
    }, this.schedule.nudgeDelayMs ?? DEFAULT_NUDGE_DELAY_MS);
    this.nudgeTimer.unref();
  }

  /** Stops the timer and the nudges, and waits for a sweep under way. */
  async stop(): Promise<void> {
    this.schedule = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.nudgeTimer) clearTimeout(this.nudgeTimer);
    this.timer = this.nudgeTimer = null;
    await this.tail;
  }

  private plan(delayMs: number): void {
    if (!this.schedule) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.background().then((result) => {
        if (this.schedule && !this.timer) this.plan(result?.more ? 0 : this.schedule.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async background(): Promise<SweepResult | null> {
    const logger = this.schedule?.logger;
    try {
      const result = await this.sweep();
      if (result.published > 0) logger?.info({ ...result }, 'anomaly sweep published episodes');
      return result;
    } catch (err) {
      logger?.error({ err }, 'anomaly sweep failed');
      return null;
    }
  }

  private async sweepOnce(now: Date): Promise<SweepResult> {
    const result: SweepResult = { skipped: false, judged: 0, published: 0, more: false };
    const { batchSize, maxPerSweep } = this.limits;
    while (result.judged < maxPerSweep) {
      const size = Math.min(batchSize, maxPerSweep - result.judged);
      const batch = await withTransaction(this.ds, (em) => this.batch(em, now, size));
      if (batch === null) return { ...result, skipped: result.judged === 0 };
      result.judged += batch.judged;
      result.published += batch.published;
      if (batch.judged < size) return result;
    }
    result.more = true;
    return result;
  }

  /** One batch in one transaction; null when another process holds the sweep lock. */
  private async batch(em: EntityManager, now: Date, size: number): Promise<{ judged: number; published: number } | null> {
    const [{ locked }] = (await em.query(SWEEP_LOCK)) as [{ locked: boolean }];
    if (!locked) return null;
    const due = ((await em.query(SELECT_DUE, [now.getTime(), size])) as Record<string, unknown>[]).map(dueWaybillOf);
    if (due.length === 0) return { judged: 0, published: 0 };
    const timelines = await timelinesOf((sql, params) => em.query(sql, params), due);
    const episodes: NewEpisode[] = [];
    const judgements = due.map((waybill) => {
      const { anomalies, recheckAt } = judge(waybill, withoutSignerNames(timelines.get(waybill.waybillNo) ?? []), now, this.policies);
      for (const anomaly of anomalies) episodes.push({ waybill, anomaly });
      return { waybill, recheckAt };
    });
    const published = episodes.length > 0 ? ((await em.query(...INSERT_EVENTS(episodes, now))) as unknown[]).length : 0;
    await em.query(...RECORD_JUDGEMENTS(judgements));
    return { judged: due.length, published };
  }
}

function dueWaybillOf(raw: Record<string, unknown>): DueWaybill {
  const date = (v: unknown) => (v === null ? null : new Date(Number(v)));
  return {
    waybillNo: raw.waybillNo as string,
    createdAt: date(raw.createdAt) as Date,
    originOutletId: raw.originOutletId as string,
    destinationOutletId: (raw.destinationOutletId as string | null) ?? null,
    watchFrom: date(raw.watchFrom),
    eventCount: Number(raw.eventCount),
  };
}
