import type { Logger } from 'pino';
import { Role } from '@courierdesk/platform-auth';
import type { StageContext } from './stage-measurements';
import { metered } from './stage-measurements';
import { measureProactiveLag, settleBackgroundJobs, suspectSignOffs, type ProactiveLag, type SteadyState } from './proactive-lag.bench';
import { loadTickets, ticketsClient, type TicketLoad } from './tickets-load';
import { bareSqlQueue, busiestOutlet, explainAnalyze, queueThroughGateway, statementsOfOneQueue, type QueueFigures } from './tickets-queue.bench';

/** What the tickets workload measures (`--tickets`). */
export interface TicketsOptions {
  /** Tickets loaded on the volume. */
  count: number;
  /** Queue requests per path (after `warmup`). */
  requests: number;
  warmup: number;
  /** Waybills made anomalous for the lag, one recordScans call every `lagGapMs`. */
  lagWaybills: number;
  lagGapMs: number;
}

/** One caller's queue: through the gateway, its page statement alone, every tickets statement of the request. */
export interface QueuePath {
  caller: string;
  gateway: QueueFigures;
  /** The statement ticketPageQuery builds, replayed with pg (it reads one row more: is there a next page?). */
  pageSql: QueueFigures;
  /** Every statement the tickets subgraph sent for one request (page, clocks' timelines, working hours). */
  ticketsSql: QueueFigures;
  statements: string[];
  /** EXPLAIN (ANALYZE, BUFFERS) of the page statement. */
  plan: string;
  /** An outlet's page as one OR of responsible/counterpart (the statement before the UNION ALL), for comparison. */
  orSql?: QueueFigures & { plan: string };
}

/** The tickets workload's results. */
export interface TicketsResult {
  settle: SteadyState;
  load: TicketLoad;
  hq: QueuePath;
  /** A partner (outlet-bound) of the outlet party to most open tickets. */
  outlet: QueuePath & { outletId: string; openTickets: number; tickets: number };
  lag: ProactiveLag;
}

const firstLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 70);

async function queuePath(ctx: StageContext, caller: string, token: string, o: TicketsOptions, outletId?: string): Promise<QueuePath> {
  const { graph, databaseUrl, meter } = ctx;
  const { page, all } = await statementsOfOneQueue(graph, token);
  const replay = [page, ...all.filter((s) => s !== page)];
  const client = await ticketsClient(databaseUrl, 'courierdesk-bench-sql');
  try {
    await queueThroughGateway(graph, token, o.warmup);
    await bareSqlQueue(client, replay, o.warmup);
    const gateway = (await metered(meter, false, () => queueThroughGateway(graph, token, o.requests))).figures;
    const pageSql = (await metered(meter, false, () => bareSqlQueue(client, [page], o.requests))).figures;
    const ticketsSql = (await metered(meter, false, () => bareSqlQueue(client, replay, o.requests))).figures;
    const plan = await explainAnalyze(client, page);
    const result: QueuePath = { caller, gateway, pageSql, ticketsSql, statements: replay.map((s) => firstLine(s.query)), plan };
    if (outletId) {
      // The select list ends where the page's FROM begins (the list itself holds extract(epoch FROM …)).
      const selectList = page.query.slice(0, page.query.search(/ FROM (\(|ticket t )/));
      const or = {
        query: `${selectList} FROM ticket t WHERE t.status NOT IN ('RESOLVED', 'CLOSED') AND (t.responsible_outlet_id = $1::uuid OR t.counterpart_outlet_id = $1::uuid)
          ORDER BY t.queue_key, t.opened_at, t.id LIMIT 51`,
        parameters: [outletId],
      };
      await bareSqlQueue(client, [or], o.warmup);
      const figures = (await metered(meter, false, () => bareSqlQueue(client, [or], o.requests))).figures;
      result.orSql = { ...figures, plan: await explainAnalyze(client, or) };
    }
    return result;
  } finally {
    await client.end();
  }
}

/**
 * The agent's queue at volume (`--tickets`, after the last stage's other workloads): background
 * jobs settled, `count` tickets loaded, the 50-ticket queue of an HQ agent and of the busiest
 * outlet's partner through the gateway against its SQL, then the proactive-ticket lag.
 */
export async function measureTickets(ctx: StageContext, o: TicketsOptions, logger: Logger): Promise<TicketsResult> {
  const { graph, data, databaseUrl, options } = ctx;
  const { log } = options;
  log(`  tickets: settling tracking's anomaly backlog and the desk's feed position…`);
  const settle = await settleBackgroundJobs(databaseUrl, new Date());
  log(`  tickets: ${settle.judged.toLocaleString('en')} volume waybills marked judged, ${settle.skippedEvents.toLocaleString('en')} feed events skipped, ${settle.seconds.toFixed(1)} s`);
  log(`  tickets: loading ${o.count.toLocaleString('en')} tickets…`);
  const load = await loadTickets(databaseUrl, o.count, new Date());
  log(`  tickets: ${load.tickets.toLocaleString('en')} tickets (${load.open.toLocaleString('en')} open), ${load.events.toLocaleString('en')} audit lines in ${load.seconds.toFixed(1)} s; VACUUM ANALYZE ${load.vacuumSeconds.toFixed(1)} s`);

  log(`  tickets: the 50-ticket queue, ${o.requests} requests per path, one client, HQ agent…`);
  const hq = await queuePath(ctx, 'HQ agent', graph.tokens.agent, o);
  const client = await ticketsClient(databaseUrl, 'courierdesk-bench-tickets');
  const busiest = await busiestOutlet(client).finally(() => client.end());
  const partner = await graph.mint({ subject: 'bench-partner', roles: [Role.OUTLET_PARTNER], outletId: busiest.id, name: 'bench partner' });
  log(`  tickets: …and the partner of outlet ${busiest.id} (party to ${busiest.open} open tickets)…`);
  const outlet = { ...(await queuePath(ctx, 'outlet partner', partner, o, busiest.id)), outletId: busiest.id, openTickets: busiest.open, tickets: busiest.all };

  log(`  tickets: proactive lag, ${o.lagWaybills} waybills signed without out-for-delivery, one every ${o.lagGapMs} ms…`);
  const set = await suspectSignOffs(data, databaseUrl, o.lagWaybills);
  const lag = await measureProactiveLag(graph, databaseUrl, set, { gapMs: o.lagGapMs, pollMs: 25, timeoutMs: 60_000, logger });
  return { settle, load, hq, outlet, lag };
}
