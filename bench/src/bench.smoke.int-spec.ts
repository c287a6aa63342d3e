import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { runBenchmark, type BenchResult } from './bench';
import { benchOptions } from './main';
import { claimsReport, resultDetails, resultTable, ticketsReport } from './report';

// A smoke run of the harness at tiny volumes: it must complete and produce sane, non-zero figures.
// Benchmarks are not tests: nothing here asserts a time or a rate against a target.
describe('npm run bench -- --smoke', () => {
  let db: TestDatabase;
  let result: BenchResult;
  const lines: string[] = [];
  const { options } = benchOptions(['--smoke', '--tickets', '--claims'], (line) => lines.push(line));

  beforeAll(async () => {
    db = await createTestDatabase();
    result = await runBenchmark(db.url, options, createLogger('bench', 'silent'));
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('loads the volume with COPY before measuring', () => {
    const [stage] = result.stages;
    expect(result.stages).toHaveLength(1);
    expect(stage.eventsAtStart).toBeGreaterThanOrEqual(options.events);
    expect(stage.waybillsAtStart).toBeGreaterThanOrEqual(options.waybills);
    expect(stage.load.events).toBe(stage.eventsAtStart);
  });

  it('stores every scan sent through recordScans and every scan COPYed, with non-zero rates', () => {
    const { ingest } = result.stages[0];
    for (const figures of [ingest.gateway, ingest.copy, ingest.subgraph, ingest.service, ingest.sql]) {
      expect(figures?.eventsPerSecond).toBeGreaterThan(0);
    }
    expect(ingest.gateway.events).toBe(options.ingestEvents);
    expect(ingest.gateway.calls).toBeGreaterThanOrEqual(options.ingestEvents / options.batchSize);
    expect(ingest.copy.events).toBe(options.ingestEvents);
    expect(ingest.ratio).toBeGreaterThan(0);
    expect(ingest.statementsPerCall.length).toBeGreaterThan(2);
    // The tables were counted against what the harness wrote (runBenchmark throws otherwise).
    expect(result.stages[0].eventsInTable).toBeGreaterThan(result.stages[0].eventsAtStart + 2 * options.ingestEvents);
  });

  it('looks waybills up with their timelines through the gateway and as bare SQL', () => {
    const { lookup } = result.stages[0];
    expect(lookup.gateway.lookups).toBe(options.lookups);
    expect(lookup.sql.lookups).toBe(options.lookups);
    expect(lookup.gateway.scans).toBeGreaterThan(0);
    expect(lookup.sql.scans).toBeGreaterThan(0);
    expect(lookup.gateway.latency.meanMs).toBeGreaterThan(0);
    expect(lookup.sql.latency.meanMs).toBeGreaterThan(0);
    expect(lookup.statementsPerLookup).toHaveLength(2);
  });

  it('pages the inbound waybills of fifty outlets through the gateway, the subgraph alone and as bare SQL', () => {
    const { outletPages } = result.stages[0];
    for (const figures of [outletPages.gateway, outletPages.subgraph, outletPages.sql]) {
      expect(figures.requests).toBe(options.outletPages.requests);
      expect(figures.latency.meanMs).toBeGreaterThan(0);
    }
    expect(outletPages.gateway.waybillsPerRequest).toBeGreaterThan(0);
    expect(outletPages.subgraph.waybillsPerRequest).toBe(outletPages.gateway.waybillsPerRequest);
    // One statement for every outlet's page; its LIMIT reads one row more per outlet with more to come.
    expect(outletPages.statements).toHaveLength(1);
    expect(outletPages.sql.waybillsPerRequest).toBeGreaterThanOrEqual(outletPages.gateway.waybillsPerRequest);
  });

  it('loads tickets on the volume, pages the queue of HQ and of one outlet through the gateway and as SQL, and times the proactive lag', () => {
    const k = result.stages[0].tickets!;
    const count = options.tickets!.count;
    expect(k.load.tickets).toBe(count);
    // About 70 % open, every ticket with its CREATED line, worked ones with a status line.
    expect(k.load.open / count).toBeGreaterThan(0.6);
    expect(k.load.open / count).toBeLessThan(0.8);
    expect(k.load.events).toBeGreaterThan(count);
    expect(k.hq.gateway.ticketsPerRequest).toBe(50);
    expect(k.hq.pageSql.ticketsPerRequest).toBe(51);
    expect(k.hq.plan).toMatch(/Index Scan using ticket_open_queue/);
    // The partner sees exactly its outlet's open tickets (fewer than a page at this volume).
    expect(k.outlet.openTickets).toBeLessThan(50);
    expect(k.outlet.gateway.ticketsPerRequest).toBe(k.outlet.openTickets);
    expect(k.outlet.plan).toMatch(/ticket_responsible_outlet/);
    expect(k.lag.waybills).toBe(options.tickets!.lagWaybills);
    expect(k.lag.total.p50Ms).toBeGreaterThan(0);
    expect(k.lag.toAnomaly.p50Ms).toBeGreaterThanOrEqual(0);
    expect(k.lag.toTicket.p50Ms).toBeGreaterThanOrEqual(0);
    expect(ticketsReport(result)).toMatch(/gateway ÷ page SQL: p50 \d+\.\d/);
  });

  it('loads claims on the volume, decides the same claims through the gateway and in-process, pays under concurrency and leaves the ledger balanced', () => {
    const c = result.stages[0].claims!;
    const o = options.claims!;
    expect(c.load.claims).toBe(o.count);
    // Every claim past SUBMITTED has evidence, and the decided ones had all of theirs (no EVIDENCE_MISSING refusal).
    expect(c.load.byStatus['UNDER_REVIEW']).toBeGreaterThan(o.count / 3);
    expect(c.load.evidence).toBeGreaterThan(0);
    expect(c.refused['EVIDENCE_MISSING']).toBeUndefined();
    expect(c.gateway.decisions).toBe(o.decisions);
    expect(c.inProcess.decisions).toBe(o.decisions);
    // The gateway's decision is the library's on the same facts.
    expect(c.mismatches).toBe(0);
    expect(Object.values(c.outcomes).reduce((a, b) => a + b, 0)).toBe(o.decisions);
    expect(c.facts.scansPerWaybill).toBeGreaterThan(0);
    expect(c.ratio.p50).toBeGreaterThan(1);
    const paid = o.payouts * o.payoutConcurrency.length;
    expect(c.payouts.map((p) => [p.concurrency, p.payouts])).toEqual(o.payoutConcurrency.map((n) => [n, o.payouts]));
    for (const p of c.payouts) expect(p.perSecond).toBeGreaterThan(0);
    // Retried with the same keys: answered from the first payout, nothing paid twice.
    expect(c.retries).toEqual({ sent: paid, replayed: paid, samePayout: paid });
    expect(c.ledger).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0, balanced: true, payoutRows: paid, paidClaims: paid });
    expect(claimsReport(result)).toMatch(/gateway ÷ in-process: p50 [\d,]+, p99 [\d,]+/);
  });

  it('prints a table with the ratios', () => {
    const table = resultTable(result, options);
    expect(table).toMatch(/ingest ÷ COPY/);
    expect(table).toMatch(/gateway ÷ SQL/);
    expect(table).toMatch(/subgraph Node CPU per request \/ per waybill +\| \d+\.\d ms \/ \d+\.\d µs/);
    expect(resultDetails(result)).toMatch(/recordScans call = \d+ statements/);
  });
});
