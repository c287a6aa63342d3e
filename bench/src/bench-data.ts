import { Client } from 'pg';
import {
  CopySink,
  LANE_TRANSIT_TIME_COLUMNS,
  rowsOf,
  SCAN_EVENT_COLUMNS,
  TrackingHistoryGenerator,
  WAYBILL_COLUMNS,
  waybillRow,
  type DemoScanEvent,
  type NetworkDemo,
  type WaybillHistory,
} from '@courierdesk/seed';
import { TRACKING_DB_SCHEMA } from '@courierdesk/tracking';

/**
 * Waybills the benchmark creates for its own workloads (ingest, raw COPY) take sequences from here
 * up, far above the volume load's, so the volume can grow between stages without a collision.
 */
export const BENCH_SEQUENCE_BASE = 90_000_000_000;

/** A set of fresh waybills and exactly `events` of their scans, in each waybill's time order. */
export interface WorkloadSet {
  histories: WaybillHistory[];
  events: DemoScanEvent[];
}

export const t = (table: string): string => `"${TRACKING_DB_SCHEMA}".${table}`;

/** Opens a pg client on the tracking schema (the subgraph's search path). */
export async function trackingClient(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName, options: `-c search_path=${TRACKING_DB_SCHEMA},public` });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Generates and writes the benchmark's own data. Workload waybills are recent (created within the
 * last two days), with the same mix of stories as the volume, so their scans are what a scanner
 * fleet uploads today.
 */
export class BenchData {
  private nextSequence = BENCH_SEQUENCE_BASE;

  constructor(
    private readonly network: NetworkDemo,
    private readonly databaseUrl: string,
    private readonly seed: number,
  ) {}

  /** Fresh histories holding at least `events` scans in all; the scans are cut to exactly `events` (a prefix of the last history). */
  generate(events: number): WorkloadSet {
    const generator = new TrackingHistoryGenerator(this.network, { waybills: 0, now: new Date(), days: 2, seed: this.seed, firstSequence: this.nextSequence });
    const histories: WaybillHistory[] = [];
    const picked: DemoScanEvent[] = [];
    while (picked.length < events) {
      const history = generator.history(this.nextSequence++);
      if (history.events.length === 0) continue;
      const take = history.events.slice(0, events - picked.length);
      histories.push({ waybill: history.waybill, events: take });
      picked.push(...take);
    }
    return { histories, events: picked };
  }

  /**
   * Writes the set's waybills (untimed, by COPY): `initial` as just created (no scans yet, for
   * ingest), or `final` with the state their scans give (for a raw COPY of the scans, so the
   * table stays consistent) and their lane samples.
   */
  async insertWaybills(set: WorkloadSet, state: 'initial' | 'final'): Promise<void> {
    const clients = [await trackingClient(this.databaseUrl, 'courierdesk-bench'), await trackingClient(this.databaseUrl, 'courierdesk-bench')];
    try {
      const waybills = CopySink.open(clients[0], t('waybill'), WAYBILL_COLUMNS);
      const lanes = CopySink.open(clients[1], t('lane_transit_time'), LANE_TRANSIT_TIME_COLUMNS);
      for (const history of set.histories) {
        if (state === 'initial') {
          if (waybills.add(waybillRow({ waybill: history.waybill, events: [] }))) await waybills.flush();
        } else {
          const rows = rowsOf(history);
          if (waybills.add(rows.waybill)) await waybills.flush();
          if (rows.lane && lanes.add(rows.lane)) await lanes.flush();
        }
      }
      await Promise.all([waybills.end(), lanes.end()]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  }
}

/** The scans as COPY text chunks (rendered before any timing starts). */
export function copyChunks(events: readonly DemoScanEvent[], render: (e: DemoScanEvent) => string, chunkChars = 1 << 18): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const event of events) {
    chunk += render(event);
    if (chunk.length >= chunkChars) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

export { SCAN_EVENT_COLUMNS };
