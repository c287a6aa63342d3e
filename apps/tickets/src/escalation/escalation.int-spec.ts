import { createTicketsServices } from '../tickets.services';
import { as } from '../testing/identities';
import { aWaybillNo, anOutletId } from '../testing/builders';
import { firstError, startTicketsHarness, type TicketsHarness } from '../testing/tickets.harness';

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

const OPEN = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id version status escalationLevel } } }`;
const ESCALATE = `mutation E($input: EscalateTicketInput!) { escalateTicket(input: $input) { id version status escalationLevel } }`;
const STEPS = `query T($id: ID) { ticket(id: $id) { version status escalationLevel
  escalations { level fromLevel cause atTop breachKey reason contactName contactPhone actor at } } }`;

describe('escalation (升级): by hand up the chain, automatically once per breach', () => {
  let h: TicketsHarness;
  let clock = NOW;
  const outlet = anOutletId();
  const other = anOutletId();

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => clock });
    h.chains.set(outlet, {
      ARRIVAL_CS: { name: '到件客服小周', phone: '13900000001' },
      OUTLET_MANAGER: { name: '李经理', phone: '13900000002' },
      // Nobody fills TRANSIT_CENTRE_CS: the level is still taken, with nobody named to call.
      HQ_CS: { name: '总部客服', phone: '4008000000' },
    });
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    clock = NOW;
  });

  const open = async (input: Record<string, unknown>) => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outlet });
    const res: any = await h.gql(as.agent(), OPEN, { input: { channel: 'PHONE', title: '工单', waybillNo: no, ...input } });
    expect(res.errors).toBeUndefined();
    return res.data.openTicket.ticket as { id: string; version: number; status: string; escalationLevel: string | null };
  };
  const steps = async (id: string, who = as.agent()) => ((await h.gql(who, STEPS, { id })) as any).data.ticket;

  it('walks ARRIVAL_CS → OUTLET_MANAGER → TRANSIT_CENTRE_CS → HQ_CS with the chain’s contacts, one record each, and refuses at the top', async () => {
    const ticket = await open({ kind: 'URGE', reason: 'URGE_DELIVERY' });
    expect(ticket.escalationLevel).toBeNull();
    let version = ticket.version;
    const reached: string[] = [];
    for (const reason of ['网点未回复', '网点负责人不接电话', '分拨中心未处理']) {
      const res: any = await h.gql(as.agent('agent-7'), ESCALATE, { input: { ticketId: ticket.id, version, reason } });
      expect(res.errors).toBeUndefined();
      expect(res.data.escalateTicket.status).toBe('ESCALATED');
      reached.push(res.data.escalateTicket.escalationLevel);
      version = res.data.escalateTicket.version;
    }
    expect(reached).toEqual(['OUTLET_MANAGER', 'TRANSIT_CENTRE_CS', 'HQ_CS']);
    const top: any = await h.gql(as.agent('agent-7'), ESCALATE, { input: { ticketId: ticket.id, version, reason: '再升级' } });
    expect(firstError(top)).toEqual({ code: 'CONFLICT', reason: 'ESCALATION_AT_TOP' });

    const after = await steps(ticket.id);
    expect(after.version).toBe(version);
    expect(after.escalations.map(({ at: _at, ...step }: any) => step)).toEqual([
      { level: 'OUTLET_MANAGER', fromLevel: 'ARRIVAL_CS', cause: 'MANUAL', atTop: false, breachKey: null, reason: '网点未回复', contactName: '李经理', contactPhone: '13900000002', actor: 'agent-7' },
      { level: 'TRANSIT_CENTRE_CS', fromLevel: 'OUTLET_MANAGER', cause: 'MANUAL', atTop: false, breachKey: null, reason: '网点负责人不接电话', contactName: null, contactPhone: null, actor: 'agent-7' },
      { level: 'HQ_CS', fromLevel: 'TRANSIT_CENTRE_CS', cause: 'MANUAL', atTop: false, breachKey: null, reason: '分拨中心未处理', contactName: '总部客服', contactPhone: '4008000000', actor: 'agent-7' },
    ]);
    const trail = await h.ds.query(`SELECT from_value AS "from", to_value AS "to" FROM tickets.ticket_event WHERE ticket_id = $1 AND type = 'ESCALATED' AND field IS NULL ORDER BY id`, [ticket.id]);
    expect(trail).toEqual([
      { from: 'ARRIVAL_CS', to: 'OUTLET_MANAGER' },
      { from: 'OUTLET_MANAGER', to: 'TRANSIT_CENTRE_CS' },
      { from: 'TRANSIT_CENTRE_CS', to: 'HQ_CS' },
    ]);
    // Staff contacts follow the personal-data policy: the ticket's outlet reads them whole, an analyst masked.
    expect((await steps(ticket.id, as.partner(outlet))).escalations[0].contactPhone).toBe('13900000002');
    expect((await steps(ticket.id, as.analyst())).escalations[0].contactPhone).toBe('139****0002');
    const stranger: any = await h.gql(as.partner(other), ESCALATE, { input: { ticketId: ticket.id, version, reason: 'x' } });
    expect(firstError(stranger)).toEqual({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
  });

  it('climbs the chain of the ticket’s topic: a complaint goes from the outlet manager straight to HQ', async () => {
    const ticket = await open({ kind: 'COMPLAINT', reason: 'COURIER_CONDUCT' });
    const first: any = await h.gql(as.agent(), ESCALATE, { input: { ticketId: ticket.id, version: 1, reason: '态度恶劣' } });
    const second: any = await h.gql(as.agent(), ESCALATE, { input: { ticketId: ticket.id, version: first.data.escalateTicket.version, reason: '要求总部处理' } });
    expect([first.data.escalateTicket.escalationLevel, second.data.escalateTicket.escalationLevel]).toEqual(['OUTLET_MANAGER', 'HQ_CS']);
  });

  it('a 12305 case starts at the top, recorded at opening; it cannot go higher', async () => {
    const ticket = await open({ kind: 'COMPLAINT', reason: 'DELAY', channel: 'REGULATOR_12305', regulatorCaseNo: '12305-2026-0001', regulatorDeadline: at(5 * DAY).toISOString() });
    expect(ticket.escalationLevel).toBe('HQ_CS');
    expect((await steps(ticket.id)).escalations).toEqual([
      expect.objectContaining({ level: 'HQ_CS', fromLevel: null, cause: 'REGULATOR', atTop: false, reason: '12305 case 12305-2026-0001', contactName: null }),
    ]);
    const up: any = await h.gql(as.agent(), ESCALATE, { input: { ticketId: ticket.id, version: 1, reason: 'x' } });
    expect(firstError(up)).toEqual({ code: 'CONFLICT', reason: 'ESCALATION_AT_TOP' });
  });

  it('escalates a breach once when two processes sweep at once, not again after a restart, and again for the next breach', async () => {
    const ticket = await open({ kind: 'URGE', reason: 'URGE_DELIVERY' });
    const sweeper = () => h.service.services.escalationSweeper;
    // Another process over the same database: its own services, nothing shared in memory.
    const otherProcess = createTicketsServices(h.ds, { now: () => clock, waybills: h.waybills, escalationChains: h.chains }).escalationSweeper;
    const breached = async () =>
      (await h.ds.query(`SELECT level, from_level AS "from", breach_key AS key FROM tickets.ticket_escalation WHERE ticket_id = $1 AND cause = 'BREACH' ORDER BY at, id`, [
        ticket.id,
      ])) as { level: string; from: string; key: string }[];

    // Nothing is due before a deadline passes.
    await sweeper().sweep(at(10 * 60_000));
    expect(await breached()).toEqual([]);

    // A day later the first reply is overdue (the resolution, a calendar day stretched for Double Eleven, not yet).
    clock = at(DAY);
    const allBreaches = async () => ((await h.ds.query(`SELECT count(*)::int AS n FROM tickets.ticket_escalation WHERE cause = 'BREACH'`)) as { n: number }[])[0].n;
    const before = await allBreaches();
    const reports = await Promise.all([sweeper().sweep(clock), otherProcess.sweep(clock)]);
    const once = await breached();
    expect(once).toEqual([{ level: 'OUTLET_MANAGER', from: 'ARRIVAL_CS', key: expect.stringMatching(/^FIRST_REPLY:/) }]);
    // The other tests' tickets breached too; between them, the two sweeps wrote each step once.
    expect(reports[0].steps + reports[1].steps).toBe((await allBreaches()) - before);
    const after = await steps(ticket.id);
    expect(after).toMatchObject({ status: 'ESCALATED', escalationLevel: 'OUTLET_MANAGER', version: 2 });
    expect(after.escalations).toEqual([expect.objectContaining({ cause: 'BREACH', actor: 'service:tickets', contactName: '李经理', contactPhone: '13900000002' })]);

    // A restart: a fresh process sweeps the same breach again and writes nothing.
    const restarted = createTicketsServices(h.ds, { now: () => clock, waybills: h.waybills, escalationChains: h.chains }).escalationSweeper;
    await restarted.sweep(at(DAY + 60_000));
    expect(await breached()).toHaveLength(1);
    expect((await steps(ticket.id)).version).toBe(2);

    // The resolution deadline passing is a new breach: one more level.
    clock = at(3 * DAY);
    await Promise.all([restarted.sweep(clock), otherProcess.sweep(clock)]);
    expect((await breached()).map((b) => [b.from, b.level, b.key.split(':')[0]])).toEqual([
      ['ARRIVAL_CS', 'OUTLET_MANAGER', 'FIRST_REPLY'],
      ['OUTLET_MANAGER', 'TRANSIT_CENTRE_CS', 'RESOLUTION'],
    ]);
    expect((await steps(ticket.id)).escalationLevel).toBe('TRANSIT_CENTRE_CS');
  });

  it('when the network cannot be asked: a manual escalation waits (GRAPH_UNAVAILABLE), a breach goes up without a name', async () => {
    const ticket = await open({ kind: 'URGE', reason: 'URGE_DELIVERY' });
    h.chains.unavailable = true;
    try {
      const manual: any = await h.gql(as.agent(), ESCALATE, { input: { ticketId: ticket.id, version: 1, reason: '网点未回复' } });
      expect(firstError(manual)).toEqual({ code: 'CONFLICT', reason: 'GRAPH_UNAVAILABLE' });
      expect((await steps(ticket.id)).escalations).toEqual([]);
      const report = await h.service.services.escalationSweeper.sweep(at(DAY));
      expect(report.withoutContacts).toBeGreaterThanOrEqual(1);
    } finally {
      h.chains.unavailable = false;
    }
    expect((await steps(ticket.id)).escalations).toEqual([expect.objectContaining({ cause: 'BREACH', level: 'OUTLET_MANAGER', contactName: null, contactPhone: null })]);
  });

  it('leaves resolved tickets alone', async () => {
    const ticket = await open({ kind: 'URGE', reason: 'URGE_DELIVERY' });
    await h.gql(as.agent(), `mutation R($input: ResolveTicketInput!) { resolveTicket(input: $input) { id } }`, {
      input: { ticketId: ticket.id, version: 1, resolutionCode: 'DELIVERED' },
    });
    await h.service.services.escalationSweeper.sweep(at(5 * DAY));
    expect((await steps(ticket.id)).escalations).toEqual([]);
  });
});
