import { DataSource } from 'typeorm';
import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { newWaybillFields } from '@courierdesk/domain-parcel/testing';
import { PROACTIVE_RULES } from '@courierdesk/domain-ticket';
import { CallerTokenIssuer, callerTokenSettings, Role, Scope } from '@courierdesk/platform-auth';
import { QueryCounter } from '@courierdesk/platform-db';
import { createLogger, GatewayGraphClient } from '@courierdesk/platform-subgraph';
import { createTicketsServices, DEFAULT_PROACTIVE_MS, GraphAnomalyFeed, GraphEscalationChains, type ConsumeResult } from '@courierdesk/tickets';
import { DEFAULT_ANOMALY_SWEEP_MS, DEFAULT_NUDGE_DELAY_MS } from '@courierdesk/tracking';
import { serviceToken, TICKETS_SERVICE_SCOPES, type RunningStack } from './stack';
import { startE2eGraph, type E2eGraph, type GraphResponse } from './testing/e2e-graph';

// The desk (工单) through the whole graph: gateway → tickets, tracking and network subgraphs →
// PostgreSQL, with the Beijing demo network and waybill histories. Tickets reads waybills and
// tracking's anomaly feed through the same gateway with its own service token.
//
// The background sweeps (anomalies, breaches) and the proactive consumer are off (0 ms) so each test drives them and the
// statement counters count requests only; the lag test starts them with their production periods.

const HOUR = 3_600_000;
/** Statuses whose waybills have an ETA (tracking reads their lane's history for it). */
const AWAITING_DELIVERY = ['CREATED', 'IN_TRANSIT', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY'];
const OPEN = `mutation Open($input: OpenTicketInput!) {
  openTicket(input: $input) { outcome ticket { id number kind status version urgeCount waybillNo } }
}`;
const STATUS = `mutation S($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id status version } }`;
const CREATE_WAYBILL = `mutation C($input: CreateWaybillInput!) { createWaybill(input: $input) { waybillNo } }`;
const RECORD = `mutation R($e: [ScanEventInput!]!) { recordScans(input: { events: $e }) { accepted results { status reasons { field code } } } }`;
const BY_WAYBILL = `query Q($no: String) { tickets(first: 10, filter: { waybillNo: $no }) { edges { node {
  id number kind reason channel priority title status openedBy
  responsibleOutlet { id name } responsibleTransitCentre { id name }
} } } }`;

/** The data of a response that must have no errors (the errors in the failure message otherwise). */
function ok(res: GraphResponse): any {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** The first error's extensions. */
const firstError = (res: GraphResponse) => res.body.errors?.[0]?.extensions;

interface Place {
  id: string;
  name: string;
}

interface DemoWaybill {
  waybill_no: string;
  origin_outlet_id: string;
  destination_outlet_id: string;
}

describe('tickets through the gateway (工单, end to end)', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let scanner: string;
  // The clock of tracking and tickets: real time plus an offset the pause test moves forward (never
  // back, so no ticket ever has a change after "now").
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const sql = { network: new QueryCounter(), tracking: new QueryCounter(), tickets: new QueryCounter() };
  const others: DataSource[] = [];
  let sequence = 77_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
  const freshWaybillNo = () => makeWaybillNo(++sequence);

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: { provinces: ['11'], waybills: 600 },
      queryLoggers: sql,
      now,
      anomalySweepMs: 0,
      proactiveMs: 0,
      escalationSweepMs: 0,
    });
    stack = e2e.stack;
    scanner = await new CallerTokenIssuer(e2e.issuerKey, callerTokenSettings()).mint({ subject: 'scanner-e2e', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });
  });
  afterAll(async () => {
    for (const ds of others) await ds.destroy();
    await e2e?.stop();
  });

  const graphql = (query: string, token: string, variables?: Record<string, unknown>) => e2e.graphql(query, token, variables);
  const rows = async <T>(query: string, params: unknown[] = []) => (await stack.tickets.dataSource.query(query, params)) as T[];
  const agent = () => stack.tokens.agent;
  const partnerOutlet = () => stack.tokens.partnerOutlet.id;

  /** Demo waybills matching `where` (columns of tracking.waybill w; $1 is the partner's outlet), by default only those no ticket mentions yet. */
  const demoWaybills = (where: string, n: number, untouched = true) =>
    rows<DemoWaybill>(
      `SELECT w.waybill_no, w.origin_outlet_id::text, w.destination_outlet_id::text FROM tracking.waybill w
        WHERE ${where} ${untouched ? 'AND NOT EXISTS (SELECT 1 FROM tickets.ticket t WHERE t.waybill_no = w.waybill_no)' : ''}
        ORDER BY w.waybill_no LIMIT ${n}`,
      where.includes('$1') ? [partnerOutlet()] : [],
    );
  const untouchedWaybills = (where: string, n: number) => demoWaybills(where, n);

  const urge = (waybillNo: string, token = agent()) =>
    graphql(OPEN, token, { input: { kind: 'URGE', reason: 'NO_SCAN_UPDATE', channel: 'PHONE', title: '催件', waybillNo, callerName: '王小明', callerPhone: '13812345678', callerRole: 'RECIPIENT' } });

  const outletsOtherThanPartner = (n: number) =>
    rows<Place>(`SELECT id::text, name FROM network.outlet WHERE id <> $1 ORDER BY code LIMIT ${n}`, [partnerOutlet()]);

  /** A new waybill through the gateway, created `ago` ms before the clock. */
  async function createWaybill(originOutletId: string, destinationOutletId: string, ago: number): Promise<string> {
    const waybillNo = freshWaybillNo();
    const input = { ...newWaybillFields({ waybillNo, originOutletId, destinationOutletId }), createdAt: new Date(now().getTime() - ago).toISOString() };
    expect(ok(await graphql(CREATE_WAYBILL, scanner, { input })).createWaybill.waybillNo).toBe(waybillNo);
    return waybillNo;
  }

  type Scan = [type: string, ago: number, location: { kind: 'OUTLET' | 'HUB'; id: string }, extra?: object];
  /** Records scans through the gateway as a network-wide scanner; every one must be accepted. */
  async function recordScans(waybillNo: string, scans: Scan[]): Promise<void> {
    const events = scans.map(([type, ago, location, extra], i) => ({
      eventId: `${waybillNo}-${i}-${type}`,
      waybillNo,
      type,
      eventTime: new Date(now().getTime() - ago).toISOString(),
      location,
      ...extra,
    }));
    const res = ok(await graphql(RECORD, scanner, { e: events })).recordScans;
    expect(res.results.filter((r: { status: string }) => r.status !== 'ACCEPTED')).toEqual([]);
  }

  /** Picked up at the origin, arrived at the destination outlet and signed there — never out for delivery (虚假签收?). */
  const signedWithoutDelivery = (waybillNo: string, origin: string, destination: string) =>
    recordScans(waybillNo, [
      ['PICKED_UP', 3 * HOUR, { kind: 'OUTLET', id: origin }],
      ['ARRIVED_AT_OUTLET', 2 * HOUR, { kind: 'OUTLET', id: destination }],
      ['SIGNED', 60_000, { kind: 'OUTLET', id: destination }, { signer: { kind: 'RECIPIENT', name: '李四' } }],
    ]);

  it('opens an urge on a demo waybill as an HQ agent, counts a repeat on it, and shows it on the waybill and on its outlet', async () => {
    const [w, other] = await rows<DemoWaybill>(
      `SELECT DISTINCT ON (destination_outlet_id) waybill_no, origin_outlet_id::text, destination_outlet_id::text FROM tracking.waybill
        WHERE status = 'CREATED' ORDER BY destination_outlet_id, waybill_no LIMIT 2`,
    );
    expect(other).toBeDefined();
    const first = ok(await urge(w.waybill_no)).openTicket;
    expect(first).toMatchObject({ outcome: 'OPENED', ticket: { kind: 'URGE', status: 'OPEN', version: 1, urgeCount: 1, waybillNo: w.waybill_no } });
    // Another outlet's urge: it must count nowhere on w's outlet.
    expect(ok(await urge(other.waybill_no)).openTicket.outcome).toBe('OPENED');

    const repeat = ok(await urge(w.waybill_no)).openTicket;
    expect(repeat).toMatchObject({ outcome: 'COUNTED_AS_REPEAT_URGE', ticket: { id: first.ticket.id, urgeCount: 2 } });
    expect(await rows(`SELECT id FROM tickets.ticket WHERE waybill_no = $1`, [w.waybill_no])).toHaveLength(1);

    const waybill = ok(await graphql('query($no: String!) { waybill(waybillNo: $no) { status tickets { number urgeCount } } }', agent(), { no: w.waybill_no })).waybill;
    expect(waybill).toEqual({ status: 'CREATED', tickets: [{ number: first.ticket.number, urgeCount: 2 }] });

    const [outletRow] = await rows<Place>(`SELECT id::text, name FROM network.outlet WHERE id = $1`, [w.destination_outlet_id]);
    // The demo's own tickets may be on this outlet too: count what the graph says against the table.
    const [{ open }] = await rows<{ open: number }>(
      `SELECT count(*)::int AS open FROM tickets.ticket WHERE status NOT IN ('RESOLVED', 'CLOSED') AND (responsible_outlet_id = $1 OR counterpart_outlet_id = $1)`,
      [w.destination_outlet_id],
    );
    const outlet = ok(
      await graphql('query($id: ID!) { outlet(id: $id) { name openTickets(first: 100) { edges { node { number } } } slaStats { open breached } } }', agent(), { id: w.destination_outlet_id }),
    ).outlet;
    expect(outlet.name).toBe(outletRow.name);
    expect(outlet.openTickets.edges.map((e: any) => e.node.number)).toContain(first.ticket.number);
    expect(outlet.openTickets.edges.map((e: any) => e.node.number)).not.toContain(ok(await graphql('query($no: String!) { waybill(waybillNo: $no) { tickets { number } } }', agent(), { no: other.waybill_no })).waybill.tickets[0].number);
    expect(outlet.slaStats.open).toBe(open);
    expect(outlet.openTickets.edges).toHaveLength(Math.min(open, 100));
  });

  it('refuses an unknown waybill writing nothing, a transition the rules forbid, and the second of two agents’ same-version edits', async () => {
    const before = await rows(`SELECT count(*)::int AS n FROM tickets.ticket`);
    const unknown = await urge(freshWaybillNo());
    expect(firstError(unknown)).toEqual({ code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
    expect(unknown.body.data?.openTicket ?? null).toBeNull();
    expect(await rows(`SELECT count(*)::int AS n FROM tickets.ticket`)).toEqual(before);

    const [a, b] = await untouchedWaybills(`w.destination_outlet_id <> $1`, 2);
    const closed = ok(await urge(a.waybill_no)).openTicket.ticket;
    expect(ok(await graphql(STATUS, agent(), { input: { ticketId: closed.id, version: 1, status: 'CLOSED' } })).changeTicketStatus.status).toBe('CLOSED');
    const reopenClosed = await graphql(STATUS, agent(), { input: { ticketId: closed.id, version: 2, status: 'IN_PROGRESS' } });
    expect(firstError(reopenClosed)).toEqual({ code: 'CONFLICT', reason: 'TRANSITION_NOT_ALLOWED' });

    const ticket = ok(await urge(b.waybill_no)).openTicket.ticket;
    const issuer = new CallerTokenIssuer(e2e.issuerKey, callerTokenSettings());
    const [agentA, agentB] = await Promise.all(['agent-a', 'agent-b'].map((subject) => issuer.mint({ subject, roles: [Role.AGENT] })));
    const results = await Promise.all([
      graphql(STATUS, agentA, { input: { ticketId: ticket.id, version: 1, status: 'IN_PROGRESS' } }),
      graphql(STATUS, agentB, { input: { ticketId: ticket.id, version: 1, status: 'WAITING_FOR_OUTLET' } }),
    ]);
    const winners = results.filter((r) => !r.body.errors);
    const losers = results.filter((r) => r.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map(firstError)).toEqual([{ code: 'CONFLICT', reason: 'TICKET_VERSION_CONFLICT' }]);
    const [stored] = await rows<{ status: string; version: number }>(`SELECT status, version FROM tickets.ticket WHERE id = $1`, [ticket.id]);
    expect(stored).toEqual({ status: winners[0].body.data.changeTicketStatus.status, version: 2 });
  });

  it('pauses the clocks while waiting for the customer (deadline null) and resumes them with the pause counted', async () => {
    const [w] = await untouchedWaybills(`w.destination_outlet_id <> $1`, 1);
    const { id } = ok(await urge(w.waybill_no)).openTicket.ticket;
    const SLA = `query T($id: ID) { ticket(id: $id) { status sla { clocks { metric state deadline pausedMinutes } } } }`;
    const resolution = async () => {
      const ticket = ok(await graphql(SLA, agent(), { id })).ticket;
      return { status: ticket.status, ...ticket.sla.clocks.find((c: { metric: string }) => c.metric === 'RESOLUTION') };
    };
    const running = await resolution();
    expect(running).toMatchObject({ status: 'OPEN', state: 'ACTIVE', pausedMinutes: 0 });

    ok(await graphql(STATUS, agent(), { input: { ticketId: id, version: 1, status: 'WAITING_FOR_CUSTOMER' } }));
    expect(await resolution()).toMatchObject({ status: 'WAITING_FOR_CUSTOMER', state: 'PAUSED', deadline: null });

    offsetMs += HOUR; // the customer answers an hour later (an urge's resolution clock counts calendar time)
    ok(await graphql(STATUS, agent(), { input: { ticketId: id, version: 2, status: 'IN_PROGRESS' } }));
    const resumed = await resolution();
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', state: 'ACTIVE' });
    expect(resumed.pausedMinutes).toBeGreaterThanOrEqual(60);
    // The deadline moved by the pause (a few seconds of real time ran before the pause).
    const moved = new Date(resumed.deadline).getTime() - new Date(running.deadline).getTime();
    expect(moved).toBeGreaterThanOrEqual(HOUR - 60_000);
    expect(moved).toBeLessThanOrEqual(HOUR + 60_000);
  });

  describe('proactive tickets (主动预警工单) from tracking’s anomaly feed', () => {
    const logger = createLogger('e2e', 'silent');

    /** A second tickets process over the same database: its own pool, services and service token. */
    async function anotherTicketsProcess() {
      const ds = await new DataSource({ ...stack.tickets.dataSource.options, poolSize: 2, logger: undefined, logging: false } as never).initialize();
      others.push(ds);
      const graph = new GatewayGraphClient({ url: () => stack.gatewayUrl, token: serviceToken(e2e.issuerKey, 'tickets-2', TICKETS_SERVICE_SCOPES) });
      return createTicketsServices(ds, { now, waybills: stack.tickets.services.waybills, feed: new GraphAnomalyFeed(graph), escalationChains: new GraphEscalationChains(graph) });
    }
    const proactiveCount = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM tickets.ticket WHERE channel = 'PROACTIVE'`))[0].n;
    const feedCount = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM tracking.anomaly_event`))[0].n;

    it('opens one ticket per waybill and anomaly, for whom PROACTIVE_RULES say, with two sweeps and three consumers at once — and none on redelivery', async () => {
      const [origin, destination] = await outletsOtherThanPartner(2);
      const [hub] = await rows<Place>(`SELECT id::text, name FROM network.transit_centre ORDER BY code LIMIT 1`);
      const signed = await createWaybill(origin.id, destination.id, 4 * HOUR);
      await signedWithoutDelivery(signed, origin.id, destination.id);
      // Stalled at a hub for ten days: past the stall threshold even stretched for a peak season.
      const stalled = await createWaybill(origin.id, destination.id, 11 * 24 * HOUR);
      await recordScans(stalled, [
        ['PICKED_UP', 11 * 24 * HOUR - HOUR, { kind: 'OUTLET', id: origin.id }],
        ['ARRIVED_AT_HUB', 10 * 24 * HOUR, { kind: 'HUB', id: hub.id }],
      ]);

      const sweeps = await Promise.all([stack.tracking.services.anomalies.sweep(), stack.tracking.services.anomalies.sweep()]);
      expect(sweeps.reduce((n, s) => n + s.published, 0)).toBe(await feedCount());
      const episodes = await rows<{ waybill_no: string; code: string }>(`SELECT waybill_no, code FROM tracking.anomaly_event WHERE waybill_no = ANY($1) ORDER BY code`, [[signed, stalled]]);
      expect(episodes).toEqual([
        { waybill_no: signed, code: 'SIGNED_WITHOUT_OUT_FOR_DELIVERY' },
        { waybill_no: stalled, code: 'STALLED_AT_HUB' },
      ]);

      const second = await anotherTicketsProcess();
      const rounds: ConsumeResult[] = await Promise.all([stack.tickets.services.proactive!.drain(), stack.tickets.services.proactive!.drain(), second.proactive!.drain()]);
      // A consumer that found the feed taken skipped; whoever held it drained it. One more round (the next tick) finds nothing new.
      const late = await stack.tickets.services.proactive!.drain();
      const opened = [...rounds, late].reduce((n, r) => n + r.opened, 0);
      expect(late.opened).toBe(0);
      expect(opened).toBe(await feedCount());
      expect(await proactiveCount()).toBe(opened);
      const perEpisode = await rows(
        `SELECT waybill_no, anomaly_code FROM tickets.ticket WHERE anomaly_code IS NOT NULL GROUP BY waybill_no, anomaly_code, anomaly_since HAVING count(*) > 1`,
      );
      expect(perEpisode).toEqual([]);

      const signedRule = PROACTIVE_RULES.SIGNED_WITHOUT_OUT_FOR_DELIVERY;
      const signedTickets = ok(await graphql(BY_WAYBILL, agent(), { no: signed })).tickets.edges.map((e: any) => e.node);
      expect(signedTickets).toEqual([
        expect.objectContaining({
          kind: signedRule.kind,
          reason: signedRule.reason,
          priority: signedRule.priority,
          title: signedRule.title,
          channel: 'PROACTIVE',
          status: 'OPEN',
          openedBy: 'service:tickets',
          // Signed at the destination outlet: that outlet must check the sign-off.
          responsibleOutlet: destination,
          responsibleTransitCentre: null,
        }),
      ]);
      const stallRule = PROACTIVE_RULES.STALLED_AT_HUB;
      const stalledTickets = ok(await graphql(BY_WAYBILL, agent(), { no: stalled })).tickets.edges.map((e: any) => e.node);
      expect(stalledTickets).toEqual([
        expect.objectContaining({ kind: stallRule.kind, reason: stallRule.reason, priority: stallRule.priority, channel: 'PROACTIVE', responsibleOutlet: null, responsibleTransitCentre: hub }),
      ]);
      const centre = ok(await graphql('query($id: ID!) { transitCentre(id: $id) { openTickets(first: 100) { edges { node { id } } } } }', agent(), { id: hub.id })).transitCentre;
      expect(centre.openTickets.edges.map((e: any) => e.node.id)).toContain(stalledTickets[0].id);

      // Redelivery (a consumer that crashed before committing its position): everything is read again, nothing opened.
      const total = await proactiveCount();
      await rows(`UPDATE tickets.feed_position SET position = NULL`);
      const again = await Promise.all([stack.tickets.services.proactive!.drain(), second.proactive!.drain()]);
      const replayed = again.reduce((n, r) => n + r.events, 0);
      expect(again.reduce((n, r) => n + r.opened, 0)).toBe(0);
      expect(replayed).toBe(await feedCount());
      expect(again.reduce((n, r) => n + r.duplicates, 0)).toBe(replayed);
      expect(await proactiveCount()).toBe(total);
      expect(ok(await graphql(BY_WAYBILL, agent(), { no: signed })).tickets.edges).toHaveLength(1);
    });

    it('opens the ticket within seconds of the scan with the real timers (tracking’s nudge, the consumer’s period)', async () => {
      const [origin, destination] = await outletsOtherThanPartner(3).then((o) => o.slice(1));
      stack.tracking.services.anomalies.start({ intervalMs: DEFAULT_ANOMALY_SWEEP_MS, logger });
      stack.tickets.services.proactive!.start(DEFAULT_PROACTIVE_MS, logger);
      /** Scans a parcel signed without delivery; ms from the recordScans response to its feed event and to its ticket in the queue. */
      const sample = async () => {
        const waybillNo = await createWaybill(origin.id, destination.id, 4 * HOUR);
        await signedWithoutDelivery(waybillNo, origin.id, destination.id);
        const scanned = Date.now();
        let published: number | null = null;
        let ticketed: number | null = null;
        while (ticketed === null && Date.now() - scanned < 15_000) {
          if (published === null && (await rows(`SELECT 1 FROM tracking.anomaly_event WHERE waybill_no = $1`, [waybillNo])).length > 0) published = Date.now() - scanned;
          if (ok(await graphql(BY_WAYBILL, agent(), { no: waybillNo })).tickets.edges.length > 0) ticketed = Date.now() - scanned;
          else await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return { published, ticketed };
      };
      try {
        // Three parcels, scanned 0, 0.7 and 1.4 s after the previous ticket appeared (just after a
        // consumer round): each lands at another phase of the consumer's period.
        const samples = [];
        for (let i = 0; i < 3; i++) {
          await new Promise((resolve) => setTimeout(resolve, i * 700));
          samples.push(await sample());
        }
        console.log(
          `proactive lag, scan → ticket in the queue: ${samples.map((s) => s.ticketed).join(', ')} ms ` +
            `(scan → feed event: ${samples.map((s) => s.published ?? '?').join(', ')} ms; nudge ${DEFAULT_NUDGE_DELAY_MS} ms, consumer every ${DEFAULT_PROACTIVE_MS} ms)`,
        );
        for (const { ticketed } of samples) {
          expect(ticketed).not.toBeNull();
          expect(ticketed!).toBeLessThan(10_000);
        }
      } finally {
        await stack.tracking.services.anomalies.stop();
        await stack.tickets.services.proactive!.stop();
      }
    });
  });

  describe('a partner outlet (加盟网点) and other outlets’ tickets', () => {
    let own: { id: string; number: string; waybillNo: string };
    let foreign: { id: string; number: string; waybillNo: string; outletId: string };
    let elsewhere: { id: string; number: string; waybillNo: string; outletId: string };
    const partner = () => stack.tokens.partner;

    beforeAll(async () => {
      const open = async (w: DemoWaybill) => ({ ...ok(await urge(w.waybill_no)).openTicket.ticket, outletId: w.destination_outlet_id });
      const [ours] = await untouchedWaybills(`w.destination_outlet_id = $1`, 1);
      // The partner's outlet sent it: the partner reads the waybill, but the urge is the destination's.
      const [sent] = await untouchedWaybills(`w.origin_outlet_id = $1 AND w.destination_outlet_id <> $1`, 1);
      const [unrelated] = await untouchedWaybills(`w.origin_outlet_id <> $1 AND w.destination_outlet_id <> $1`, 1);
      [own, foreign, elsewhere] = await Promise.all([open(ours), open(sent), open(unrelated)]);
    });

    const TICKET = 'query($id: ID, $number: String) { ticket(id: $id, number: $number) { id number } }';

    it('reads its own outlet’s ticket, and another outlet’s is NOT_FOUND by id and by number, like one that does not exist', async () => {
      expect(ok(await graphql(TICKET, partner(), { id: own.id })).ticket).toEqual({ id: own.id, number: own.number });
      const nonexistent = await graphql(TICKET, partner(), { id: '00000000-0000-4000-8000-000000000000' });
      for (const t of [foreign, elsewhere]) {
        for (const key of [{ id: t.id }, { number: t.number }]) {
          const res = await graphql(TICKET, partner(), key);
          expect(res.body.data?.ticket ?? null).toBeNull();
          expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
          expect(firstError(res)).toEqual(firstError(nonexistent));
        }
        expect(ok(await graphql(TICKET, agent(), { id: t.id })).ticket.id).toBe(t.id);
      }
    });

    it('does not find another outlet’s ticket in its queue, whatever the filter', async () => {
      const QUEUE = 'query($f: TicketFilter) { tickets(first: 100, filter: $f) { edges { node { id number } } } }';
      for (const filter of [null, { waybillNo: foreign.waybillNo }, { waybillNo: elsewhere.waybillNo }, { outletId: foreign.outletId }, { outletId: elsewhere.outletId }]) {
        const res = await graphql(QUEUE, partner(), { f: filter });
        expect(res.body.data?.tickets?.edges?.map((e: any) => e.node.id) ?? []).not.toEqual(expect.arrayContaining([foreign.id]));
        expect(res.text).not.toContain(foreign.number);
        expect(res.text).not.toContain(elsewhere.number);
      }
      expect(ok(await graphql(QUEUE, partner(), { f: { waybillNo: own.waybillNo } })).tickets.edges).toEqual([{ node: { id: own.id, number: own.number } }]);
    });

    it('cannot change another outlet’s ticket (NOT_FOUND, nothing written) but changes its own', async () => {
      for (const t of [foreign, elsewhere]) {
        const res = await graphql(STATUS, partner(), { input: { ticketId: t.id, version: 1, status: 'IN_PROGRESS' } });
        expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
        expect(await rows(`SELECT status, version FROM tickets.ticket WHERE id = $1`, [t.id])).toEqual([{ status: 'OPEN', version: 1 }]);
      }
      expect(ok(await graphql(STATUS, partner(), { input: { ticketId: own.id, version: 1, status: 'IN_PROGRESS' } })).changeTicketStatus).toEqual({ id: own.id, status: 'IN_PROGRESS', version: 2 });
    });

    it('has no `_entities` at the gateway, and the contributed fields show only its own outlet’s tickets', async () => {
      const entities = await graphql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id number } } }', partner(), { r: [{ __typename: 'Ticket', id: foreign.id }] });
      expect(entities.body.errors?.map((e) => e.extensions.code)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(entities.body.data?._entities ?? null).toBeNull();
      expect(entities.text).not.toContain(foreign.number);

      // The waybill its outlet sent is the partner's to read — its tickets for the destination are not.
      const WAYBILL = 'query($no: String!) { waybill(waybillNo: $no) { waybillNo tickets { number } } }';
      expect(ok(await graphql(WAYBILL, partner(), { no: foreign.waybillNo })).waybill).toEqual({ waybillNo: foreign.waybillNo, tickets: [] });
      expect(ok(await graphql(WAYBILL, agent(), { no: foreign.waybillNo })).waybill.tickets).toEqual([{ number: foreign.number }]);
      expect(ok(await graphql(WAYBILL, partner(), { no: own.waybillNo })).waybill.tickets).toEqual([{ number: own.number }]);
      const unrelatedWaybill = await graphql(WAYBILL, partner(), { no: elsewhere.waybillNo });
      expect(unrelatedWaybill.body.data?.waybill ?? null).toBeNull();
      expect(unrelatedWaybill.text).not.toContain(elsewhere.number);

      const OUTLET = 'query($id: ID!) { outlet(id: $id) { id openTickets(first: 100) { edges { node { id number } } } slaStats { open } } }';
      for (const t of [foreign, elsewhere]) {
        const res = await graphql(OUTLET, partner(), { id: t.outletId });
        expect(res.text).not.toContain(t.number);
        expect(res.body.data?.outlet?.slaStats ?? null).toBeNull();
        // Only tickets the partner is party to (a demo case between its outlet and that one may be
        // there, depending on the hour the demo was made): each one it may also open by id.
        const shown = (res.body.data?.outlet?.openTickets?.edges ?? []).map((e: any) => e.node);
        expect(shown.map((n: any) => n.id)).not.toContain(t.id);
        for (const n of shown) expect(ok(await graphql(TICKET, partner(), { id: n.id })).ticket).toEqual({ id: n.id, number: n.number });
        const seenByAgent = ok(await graphql(OUTLET, agent(), { id: t.outletId })).outlet;
        expect(seenByAgent.openTickets.edges.map((e: any) => e.node.id)).toContain(t.id);
      }
      const mine = ok(await graphql(OUTLET, partner(), { id: partnerOutlet() })).outlet;
      expect(mine.openTickets.edges.map((e: any) => e.node.id)).toContain(own.id);
      expect(mine.slaStats.open).toBeGreaterThanOrEqual(1);
    });
  });

  describe('replies, problem parcels and escalation read live from the graph', () => {
    const REPLY = `mutation R($input: ReplyToCustomerInput!) { replyToCustomer(input: $input) {
      comment { visibility body cannedReplyCode } missingPlaceholders ticket { sla { clocks { metric state } } }
    } }`;
    const COMMENTS = 'query($id: ID) { ticket(id: $id) { comments(first: 20) { edges { node { visibility body } } } } }';
    /** A demo waybill without a customer's urge yet (proactive tickets may be on it: they are apart). */
    const withoutCustomerUrge = (where: string) =>
      demoWaybills(`${where} AND NOT EXISTS (SELECT 1 FROM tickets.ticket u WHERE u.waybill_no = w.waybill_no AND u.kind = 'URGE' AND u.anomaly_code IS NULL)`, 1, false);

    /**
     * A parcel out for delivery with one of its destination outlet's couriers, made through the
     * gateway: how many demo parcels are out for delivery depends on the hour the demo was made.
     */
    async function outForDelivery(): Promise<DemoWaybill> {
      const [origin, destination] = await outletsOtherThanPartner(2);
      const [courier] = await rows<{ id: string }>(`SELECT id::text FROM network.courier WHERE outlet_id = $1 AND active ORDER BY code LIMIT 1`, [destination.id]);
      const waybillNo = await createWaybill(origin.id, destination.id, 6 * HOUR);
      await recordScans(waybillNo, [
        ['PICKED_UP', 5 * HOUR, { kind: 'OUTLET', id: origin.id }],
        ['ARRIVED_AT_OUTLET', 2 * HOUR, { kind: 'OUTLET', id: destination.id }],
        ['OUT_FOR_DELIVERY', HOUR, { kind: 'OUTLET', id: destination.id }, { courierId: courier.id }],
      ]);
      return { waybill_no: waybillNo, origin_outlet_id: origin.id, destination_outlet_id: destination.id };
    }

    it('fills a canned reply with the courier tracking and network know now, meets the first-reply clock, and keeps HQ’s internal note from the outlet', async () => {
      const w = await outForDelivery();
      const { currentHolder } = ok(await graphql('query($no: String!) { waybill(waybillNo: $no) { currentHolder { name phone } } }', agent(), { no: w.waybill_no })).waybill;
      expect(currentHolder.name).toBeTruthy();
      const ticket = ok(await urge(w.waybill_no)).openTicket.ticket;

      const reply = ok(await graphql(REPLY, agent(), { input: { ticketId: ticket.id, cannedReplyCode: 'OUT_FOR_DELIVERY' } })).replyToCustomer;
      expect(reply.missingPlaceholders).toEqual([]);
      expect(reply.comment).toMatchObject({ visibility: 'CUSTOMER', cannedReplyCode: 'OUT_FOR_DELIVERY' });
      expect(reply.comment.body).toContain(w.waybill_no);
      expect(reply.comment.body).toContain(`派送员${currentHolder.name}，联系电话${currentHolder.phone}`);
      expect(reply.ticket.sla.clocks.find((c: { metric: string }) => c.metric === 'FIRST_REPLY').state).toBe('MET');

      const note = 'HQ内部：该网点本月第三次延误';
      ok(await graphql('mutation($input: CommentOnTicketInput!) { commentOnTicket(input: $input) { comment { id } } }', agent(), { input: { ticketId: ticket.id, visibility: 'INTERNAL', body: note } }));
      const seenByHq = ok(await graphql(COMMENTS, agent(), { id: ticket.id })).ticket.comments.edges.map((e: any) => e.node.visibility);
      expect(seenByHq).toEqual(['CUSTOMER', 'INTERNAL']);
      const outletPartner = await e2e.mint({ subject: 'partner-destination', roles: [Role.OUTLET_PARTNER], outletId: w.destination_outlet_id });
      const seenByOutlet = await graphql(COMMENTS, outletPartner, { id: ticket.id });
      expect(ok(seenByOutlet).ticket.comments.edges.map((e: any) => e.node.visibility)).toEqual(['CUSTOMER']);
      expect(seenByOutlet.text).not.toContain(note);
    });

    it('escalates an urge one level up its chain, naming whom the network lists there now', async () => {
      const [w] = await withoutCustomerUrge(`w.destination_outlet_id <> $1`);
      const ticket = ok(await urge(w.waybill_no)).openTicket.ticket;
      const ESCALATE = `mutation E($input: EscalateTicketInput!) { escalateTicket(input: $input) {
        status version escalationLevel escalations { level fromLevel cause contactName contactPhone actor } } }`;
      const escalated = ok(await graphql(ESCALATE, agent(), { input: { ticketId: ticket.id, version: ticket.version, reason: '客户第三次来电' } })).escalateTicket;
      expect(escalated).toMatchObject({ status: 'ESCALATED', version: ticket.version + 1 });
      const [step] = escalated.escalations;
      expect(step).toMatchObject({ level: escalated.escalationLevel, cause: 'MANUAL', actor: 'demo-agent' });
      // The chain as the network answers it to an agent: the step's contact is the person in that role.
      const chain = ok(
        await graphql('query($o: ID!) { escalationChain(outletId: $o, topic: DELIVERY) { steps { position role name phone } } }', agent(), { o: w.destination_outlet_id }),
      ).escalationChain.steps;
      const roles = chain.map((c: { role: string }) => c.role);
      expect(roles.indexOf(step.level)).toBe(roles.indexOf(step.fromLevel) + 1);
      const listed = chain.find((c: { role: string }) => c.role === step.level);
      expect(listed?.name).toBeTruthy(); // the demo network fills every role
      expect({ name: step.contactName, phone: step.contactPhone }).toEqual({ name: listed?.name ?? null, phone: listed?.phone ?? null });
      const stale = await graphql(ESCALATE, agent(), { input: { ticketId: ticket.id, version: ticket.version, reason: '又来电' } });
      expect(firstError(stale)).toEqual({ code: 'CONFLICT', reason: 'TICKET_VERSION_CONFLICT' });
    });

    it('lets only the other outlet answer a problem parcel (问题件), by a named person', async () => {
      const [w] = await demoWaybills(`w.origin_outlet_id <> $1 AND w.destination_outlet_id = $1`, 1, false);
      const registering = stack.tokens.partner;
      const answering = await e2e.mint({ subject: 'partner-origin', roles: [Role.OUTLET_PARTNER], outletId: w.origin_outlet_id });
      const opened = ok(
        await graphql(OPEN, registering, { input: { kind: 'PROBLEM_PARCEL', reason: 'DUE_NOT_ARRIVED', channel: 'OUTLET', title: '应到未到', waybillNo: w.waybill_no, counterpartOutletId: w.origin_outlet_id } }),
      ).openTicket.ticket;
      const ANSWER = `mutation A($input: AnswerProblemParcelInput!) { answerProblemParcel(input: $input) { status version
        problemParcel { registeringOutlet { id } answeringOutlet { id } answeredBy answer answeredLate } } }`;
      const input = { ticketId: opened.id, version: opened.version, answeredBy: '张站长', answer: '已查到，今日补发' };
      expect(firstError(await graphql(ANSWER, registering, { input }))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_THE_ANSWERING_OUTLET' });
      const answered = ok(await graphql(ANSWER, answering, { input })).answerProblemParcel;
      expect(answered).toEqual({
        status: 'IN_PROGRESS',
        version: opened.version + 1,
        problemParcel: { registeringOutlet: { id: partnerOutlet() }, answeringOutlet: { id: w.origin_outlet_id }, answeredBy: '张站长', answer: '已查到，今日补发', answeredLate: false },
      });
    });
  });

  it('runs as many SQL statements per subgraph for a queue of 50 tickets with waybills, outlets and clocks as for 5', async () => {
    // Complaints on parcels still awaiting delivery: every page then needs the same fetches (each has
    // an ETA from its lane's history, an outlet and clocks).
    // (Proactive tickets may be on them already: a complaint is a case of its own.)
    // Assigned to an agent of this test only: the demo's tickets (delivered parcels among them) stay out of the page.
    const ASSIGNEE = 'e2e-queue-agent';
    const need = 55 - (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM tickets.ticket WHERE kind = 'COMPLAINT' AND assignee = $1`, [ASSIGNEE]))[0].n;
    const waybills = await demoWaybills(`w.status IN (${AWAITING_DELIVERY.map((s) => `'${s}'`).join(', ')})`, need, false);
    // How many demo parcels still await delivery depends on the hour the demo was made: make the rest.
    const [origin, destination] = await outletsOtherThanPartner(2);
    while (waybills.length < need) {
      const waybillNo = await createWaybill(origin.id, destination.id, 3 * HOUR);
      await recordScans(waybillNo, [['PICKED_UP', 2 * HOUR, { kind: 'OUTLET', id: origin.id }]]);
      waybills.push({ waybill_no: waybillNo, origin_outlet_id: origin.id, destination_outlet_id: destination.id });
    }
    for (let i = 0; i < waybills.length; i += 10) {
      await Promise.all(
        waybills.slice(i, i + 10).map(async (w) =>
          ok(await graphql(OPEN, agent(), { input: { kind: 'COMPLAINT', reason: 'DELAY', channel: 'APP', title: '投诉延误', waybillNo: w.waybill_no, assignee: ASSIGNEE } })),
        ),
      );
    }
    const query = `query($n: Int) { tickets(first: $n, filter: { kind: [COMPLAINT], assignee: "e2e-queue-agent" }) { edges { node {
      number waybill { status eta { expectedAt } } responsibleOutlet { name } sla { dueAt clocks { deadline } }
    } } } }`;
    const measure = async (n: number) => {
      for (const counter of Object.values(sql)) counter.reset();
      const edges = ok(await graphql(query, agent(), { n })).tickets.edges;
      expect(edges).toHaveLength(n);
      expect(edges.every((e: any) => AWAITING_DELIVERY.includes(e.node.waybill.status) && e.node.waybill.eta && e.node.responsibleOutlet.name)).toBe(true);
      return { network: sql.network.count, tracking: sql.tracking.count, tickets: sql.tickets.count };
    };
    await measure(5); // warm-up: caches and prepared lookups are not what we count
    const small = await measure(5);
    const large = await measure(50);
    expect(large).toEqual(small);
    // Today: tickets 3 (page, clock events, working hours), tracking 2 (waybills, lane histories), network 1 (outlets).
    expect(small.tickets).toBeLessThanOrEqual(5);
    expect(small.tracking).toBeLessThanOrEqual(5);
    expect(small.network).toBeLessThanOrEqual(5);
  });
});
