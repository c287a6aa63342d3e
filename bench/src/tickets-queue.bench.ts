import type { Client } from 'pg';
import { requestBody, type BenchGraph, type CapturedStatement } from './bench-graph';
import type { CpuTime } from './cpu-meter';
import { clock, latencyStats, msSince, type LatencyStats } from './stats';

/** Requests of one path, one after another. */
export interface QueueFigures {
  requests: number;
  latency: LatencyStats;
  /** Tickets in every answer (the same each time). */
  ticketsPerRequest: number;
  /** CPU of this process and of PostgreSQL meanwhile (set by the caller's meter). */
  cpu?: CpuTime;
}

/**
 * The agent's queue (我的工单), first page: fifty tickets by nearest deadline with what an agent
 * reads at a glance — the parcel's status and ETA (tracking), the responsible outlet's name
 * (network), and the deadlines computed from each ticket's clocks (tickets).
 */
export const QUEUE_QUERY = `query Queue { tickets(first: 50) { edges { node { number status priority
  waybill { status eta { expectedAt } } responsibleOutlet { name } sla { dueAt breached clocks { metric deadline } } } } } }`;

interface QueueData {
  tickets: { edges: { node: { number: string } }[] };
}

async function sequential(requests: number, send: () => Promise<number>): Promise<QueueFigures> {
  const latencies: number[] = [];
  let tickets = -1;
  for (let i = 0; i < requests; i++) {
    const at = clock();
    const n = await send();
    latencies.push(msSince(at));
    if (tickets >= 0 && n !== tickets) throw new Error(`the queue held ${n} tickets, the request before ${tickets}`);
    tickets = n;
  }
  return { requests, latency: latencyStats(latencies), ticketsPerRequest: tickets };
}

/** The queue through the gateway as `token`, one client (request body serialised in advance). */
export function queueThroughGateway(graph: BenchGraph, token: string, requests: number): Promise<QueueFigures> {
  const body = requestBody(QUEUE_QUERY);
  return sequential(requests, async () => (await graph.gatewayBody<QueueData>(token, body)).tickets.edges.length);
}

/**
 * The statements the tickets subgraph sends for one queue request as `token`: the page (the
 * statement ticketPageQuery builds) first, then the clocks' timelines and working hours of the page.
 */
export async function statementsOfOneQueue(graph: BenchGraph, token: string): Promise<{ page: CapturedStatement; all: CapturedStatement[] }> {
  const all = await graph.ticketsSql.capture(() => graph.gateway(token, QUEUE_QUERY));
  const page = all.find((s) => /FROM ticket t WHERE[\s\S]*ORDER BY t\.queue_key/.test(s.query));
  if (!page) throw new Error(`the queue sent no page statement: ${all.map((s) => s.query.slice(0, 60)).join(' | ')}`);
  return { page, all };
}

/** The bare SQL: the captured statements replayed with pg, one after another; counts the page statement's rows. */
export function bareSqlQueue(client: Client, statements: readonly CapturedStatement[], requests: number): Promise<QueueFigures> {
  return sequential(requests, async () => {
    let rows = 0;
    for (const [i, statement] of statements.entries()) {
      const result = await client.query(statement.query, statement.parameters);
      if (i === 0) rows = result.rowCount ?? 0;
    }
    return rows;
  });
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, as text. */
export async function explainAnalyze(client: Client, statement: CapturedStatement): Promise<string> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, statement.parameters);
  return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
}

/** The outlet with the most open tickets it is party to (the heaviest partner queue), with its counts. */
export async function busiestOutlet(client: Client): Promise<{ id: string; open: number; all: number }> {
  const { rows: [row] } = await client.query(
    `SELECT o AS id, count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CLOSED'))::int AS open, count(*)::int AS all
       FROM (SELECT responsible_outlet_id AS o, status FROM ticket WHERE responsible_outlet_id IS NOT NULL
             UNION ALL SELECT counterpart_outlet_id, status FROM ticket WHERE counterpart_outlet_id IS NOT NULL) x
      GROUP BY o ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  if (!row) throw new Error('no ticket names an outlet');
  return row as { id: string; open: number; all: number };
}
