import type { Identity } from '@courierdesk/platform-auth';
import type { BenchGraph, CapturedStatement } from './bench-graph';
import type { CpuTime } from './cpu-meter';
import type { Client } from 'pg';
import { clock, latencyStats, msSince, type LatencyStats } from './stats';

/** Latency of one client looking waybills up, one after another. */
export interface LookupFigures {
  lookups: number;
  latency: LatencyStats;
  /** Scans returned in all (a check that timelines were read). */
  scans: number;
  /** CPU of this process and of PostgreSQL meanwhile (set by the caller's meter). */
  cpu?: CpuTime;
}

/** Where is my parcel (查件): the status and the timeline, places as references. */
export const LOOKUP = 'query Lookup($no: String!) { waybill(waybillNo: $no) { status timeline { type eventTime location { __typename id } } } }';

interface LookupData {
  waybill: { status: string; timeline: { type: string; eventTime: string; location: { __typename: string; id: string } | null }[] } | null;
}

async function sequential(numbers: readonly string[], lookup: (waybillNo: string) => Promise<number>): Promise<LookupFigures> {
  const latencies: number[] = [];
  let scans = 0;
  for (const waybillNo of numbers) {
    const at = clock();
    scans += await lookup(waybillNo);
    latencies.push(msSince(at));
  }
  return { lookups: numbers.length, latency: latencyStats(latencies), scans };
}

const timelineLength = (data: LookupData, waybillNo: string): number => {
  if (!data.waybill?.status) throw new Error(`lookup of ${waybillNo} returned no waybill`);
  return data.waybill.timeline.length;
};

/** The lookup through the gateway, one client, as an agent. */
export function lookupsThroughGateway(graph: BenchGraph, numbers: readonly string[]): Promise<LookupFigures> {
  return sequential(numbers, async (no) => timelineLength(await graph.gateway<LookupData>(graph.tokens.agent, LOOKUP, { no }), no));
}

/** The same lookup posted straight to the tracking subgraph (the gateway's part left out). */
export function lookupsThroughSubgraph(graph: BenchGraph, agent: Identity, numbers: readonly string[]): Promise<LookupFigures> {
  return sequential(numbers, async (no) => timelineLength(await graph.trackingDirect<LookupData>(agent, LOOKUP, { no }), no));
}

/**
 * The statements one lookup sends, captured from the tracking subgraph, for the bare-SQL replay;
 * and how many the network subgraph got (none expected: places are shown by id and type only).
 */
export async function statementsOfOneLookup(graph: BenchGraph, waybillNo: string): Promise<{ tracking: CapturedStatement[]; network: number }> {
  let tracking: CapturedStatement[] = [];
  const network = await graph.networkSql.capture(async () => {
    tracking = await graph.sql.capture(() => graph.gateway(graph.tokens.agent, LOOKUP, { no: waybillNo }));
  });
  return { tracking, network: network.length };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The parameters of a captured statement for another waybill: its number in place of the sample's,
 * and times moved by the difference of creation times (the timeline reads from creation on).
 */
function substitute(value: unknown, sampleNo: string, waybillNo: string, shiftMs: number): unknown {
  if (Array.isArray(value)) return value.map((v) => substitute(v, sampleNo, waybillNo, shiftMs));
  if (value === sampleNo) return waybillNo;
  if (typeof value === 'string' && ISO_TIME.test(value)) return new Date(new Date(value).getTime() + shiftMs).toISOString();
  return value;
}

/**
 * The bare SQL of a lookup: the statements the tracking subgraph sent for a sample waybill,
 * replayed with pg for each waybill in turn on one connection (the caller's, on the subgraph's search path), each
 * statement's parameters taken from the previous results as the subgraph does (creation time →
 * where the timeline starts).
 */
export async function bareSqlLookups(client: Client, template: readonly CapturedStatement[], sampleNo: string, numbers: readonly string[]): Promise<LookupFigures> {
  const { rows: [sample] } = await client.query('SELECT created_at FROM waybill WHERE waybill_no = $1', [sampleNo]);
  const sampleCreated = (sample.created_at as Date).getTime();
  return await sequential(numbers, async (waybillNo) => {
    let shift = 0;
    let rows = 0;
    for (const [i, statement] of template.entries()) {
      const result = await client.query(statement.query, substitute(statement.parameters, sampleNo, waybillNo, shift) as unknown[]);
      const created = result.rows[0]?.createdAt ?? result.rows[0]?.created_at;
      if (i === 0 && created instanceof Date) shift = created.getTime() - sampleCreated;
      else rows += result.rowCount ?? 0;
    }
    return rows;
  });
}
