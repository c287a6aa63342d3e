import type { Client } from 'pg';
import type { Identity } from '@courierdesk/platform-auth';
import { requestBody, type BenchGraph, type CapturedStatement } from './bench-graph';
import type { CpuTime } from './cpu-meter';
import { clock, latencyStats, msSince, type LatencyStats } from './stats';

/** Requests of one path, one after another. */
export interface PageFigures {
  requests: number;
  latency: LatencyStats;
  /** Waybills in every answer (the same each time): a check that the pages were read, and the unit of "per waybill". */
  waybillsPerRequest: number;
  /** CPU of this process and of PostgreSQL meanwhile (set by the caller's meter). */
  cpu?: CpuTime;
}

/**
 * A list of outlets with their inbound parcels (到件): network serves the outlets, tracking a page of
 * waybills for each, all fifty from one statement. Two cheap fields per waybill, so what a waybill
 * costs the subgraph beyond its SQL is plain to see (issue 9, "Fast by default").
 */
export const outletPagesQuery = (outlets: number, waybills: number): string =>
  `query OutletPages { outlets(first: ${outlets}) { edges { node { code inboundWaybills(first: ${waybills}) { edges { node { waybillNo status } } } } } } }`;

/** What the gateway asks tracking for the same page: the outlets as `_entities` references. */
const entitiesQuery = (waybills: number): string =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Outlet { inboundWaybills(first: ${waybills}) { edges { node { waybillNo status } } } } } }`;

interface GatewayData {
  outlets: { edges: { node: { code: string; inboundWaybills: { edges: unknown[] } | null } }[] };
}
interface EntitiesData {
  _entities: ({ inboundWaybills: { edges: unknown[] } | null } | null)[];
}

const countWaybills = (pages: readonly ({ inboundWaybills: { edges: unknown[] } | null } | null)[]): number => {
  let n = 0;
  for (const page of pages) {
    if (!page?.inboundWaybills) throw new Error('an outlet came back without its inbound waybills');
    n += page.inboundWaybills.edges.length;
  }
  return n;
};

async function sequential(requests: number, send: () => Promise<number>): Promise<PageFigures> {
  const latencies: number[] = [];
  let waybills = -1;
  for (let i = 0; i < requests; i++) {
    const at = clock();
    const n = await send();
    latencies.push(msSince(at));
    if (waybills >= 0 && n !== waybills) throw new Error(`outlet pages held ${n} waybills, the request before ${waybills}`);
    waybills = n;
  }
  return { requests, latency: latencyStats(latencies), waybillsPerRequest: waybills };
}

/** The ids of the outlets the gateway query lists, in its order (for the subgraph's references). */
export async function listedOutlets(graph: BenchGraph, outlets: number): Promise<string[]> {
  const data = await graph.gateway<{ outlets: { edges: { node: { id: string } }[] } }>(graph.tokens.agent, `{ outlets(first: ${outlets}) { edges { node { id } } } }`);
  return data.outlets.edges.map((e) => e.node.id);
}

/** The query through the gateway, one client, as an agent (request body serialised in advance). */
export function outletPagesThroughGateway(graph: BenchGraph, outlets: number, waybills: number, requests: number): Promise<PageFigures> {
  const body = requestBody(outletPagesQuery(outlets, waybills));
  return sequential(requests, async () => countWaybills((await graph.gatewayBody<GatewayData>(graph.tokens.agent, body)).outlets.edges.map((e) => e.node)));
}

/** Tracking's part alone: the `_entities` call the gateway makes, posted straight to the subgraph. */
export function outletPagesThroughSubgraph(graph: BenchGraph, agent: Identity, outletIds: readonly string[], waybills: number, requests: number): Promise<PageFigures> {
  const body = requestBody(entitiesQuery(waybills), { reps: outletIds.map((id) => ({ __typename: 'Outlet', id })) });
  return sequential(requests, async () => countWaybills((await graph.trackingDirectBody<EntitiesData>(agent, body))._entities));
}

/** The statements tracking sends for one gateway request (one expected: every outlet's page at once). */
export function statementsOfOneOutletPage(graph: BenchGraph, outlets: number, waybills: number): Promise<CapturedStatement[]> {
  return graph.sql.capture(() => graph.gateway(graph.tokens.agent, outletPagesQuery(outlets, waybills)));
}

/** The bare SQL: tracking's statements of one request replayed with pg, rows parsed as the subgraph's driver parses them. */
export function bareSqlOutletPages(client: Client, statements: readonly CapturedStatement[], requests: number): Promise<PageFigures> {
  return sequential(requests, async () => {
    let rows = 0;
    for (const statement of statements) rows += (await client.query(statement.query, statement.parameters)).rowCount ?? 0;
    return rows;
  });
}
