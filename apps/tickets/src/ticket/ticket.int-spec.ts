import { as } from '../testing/identities';
import { aWaybillNo, anOutletId } from '../testing/builders';
import { firstError, startTicketsHarness, type TicketsHarness } from '../testing/tickets.harness';

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China

const OPEN = `mutation Open($input: OpenTicketInput!) {
  openTicket(input: $input) { outcome ticket { id number kind reason reasonLabel status version urgeCount priority waybillNo callerName callerPhone
    sla { policyVersion dueAt breached clocks { metric state deadline policyVersion } } } }
}`;
const STATUS = `mutation S($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id status version } }`;
const TICKET = `query T($id: ID, $number: String) { ticket(id: $id, number: $number) { id number status version urgeCount callerName callerPhone } }`;

describe('tickets: opening, the version check, transitions, urges and merges', () => {
  let h: TicketsHarness;
  let clock = NOW;
  const outletA = anOutletId();
  const outletB = anOutletId();

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => clock });
  });
  afterAll(() => h.stop());

  const urge = (waybillNo: string, who = as.agent()) =>
    h.gql(who, OPEN, { input: { kind: 'URGE', reason: 'NO_SCAN_UPDATE', channel: 'PHONE', title: '催件', waybillNo, callerName: '王小明', callerPhone: '13812345678', callerRole: 'RECIPIENT' } });

  it('opens a ticket with a number, the destination outlet as party, and running clocks by the policy in force', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, originOutletId: outletB, destinationOutletId: outletA });
    const res: any = await urge(no);
    expect(res.errors).toBeUndefined();
    const { ticket, outcome } = res.data.openTicket;
    expect(outcome).toBe('OPENED');
    expect(ticket.number).toMatch(/^TK20261102-\d{6,}$/);
    expect(ticket).toMatchObject({ kind: 'URGE', status: 'OPEN', version: 1, urgeCount: 1, waybillNo: no, callerPhone: '13812345678' });
    expect(ticket.reasonLabel).toBe('No tracking update (物流信息不更新)');
    expect(ticket.sla.breached).toBe(false);
    expect(new Date(ticket.sla.dueAt).getTime()).toBeGreaterThan(NOW.getTime());
    expect(ticket.sla.clocks.map((c: any) => c.metric)).toEqual(expect.arrayContaining(['FIRST_REPLY', 'RESOLUTION']));
    expect(ticket.sla.clocks.every((c: any) => c.state === 'ACTIVE' && c.policyVersion === ticket.sla.policyVersion)).toBe(true);

    const byNumber: any = await h.gql(as.agent(), TICKET, { number: ticket.number.toLowerCase() });
    expect(byNumber.data.ticket.id).toBe(ticket.id);
  });

  it('counts a repeat urge on the open urge instead of opening a second ticket, also when urges arrive together', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const results: any[] = await Promise.all([urge(no), urge(no), urge(no)]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const ids = new Set(results.map((r) => r.data.openTicket.ticket.id));
    expect(ids.size).toBe(1);
    expect(results.map((r) => r.data.openTicket.outcome).sort()).toEqual(['COUNTED_AS_REPEAT_URGE', 'COUNTED_AS_REPEAT_URGE', 'OPENED']);
    const [{ count }] = await h.ds.query(`SELECT count(*)::int AS count FROM tickets.ticket WHERE waybill_no = $1`, [no]);
    expect(count).toBe(1);
    const after: any = await h.gql(as.agent(), TICKET, { id: [...ids][0] });
    expect(after.data.ticket.urgeCount).toBe(3);
    const lines = await h.ds.query(`SELECT type FROM tickets.ticket_event WHERE ticket_id = $1 AND type = 'URGED' AND field IS NULL`, [[...ids][0]]);
    expect(lines).toHaveLength(2);
  });

  it('refuses an unknown waybill, a reason of another kind and a 12305 case without its number, writing nothing', async () => {
    const before = await h.ds.query(`SELECT count(*)::int AS n FROM tickets.ticket`);
    const unknown: any = await urge(aWaybillNo());
    expect(firstError(unknown)).toMatchObject({ code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const wrongReason: any = await h.gql(as.agent(), OPEN, { input: { kind: 'URGE', reason: 'OVERCHARGED', channel: 'PHONE', title: 'x', waybillNo: no } });
    expect(firstError(wrongReason)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_NOT_FOR_KIND' });
    const regulator: any = await h.gql(as.agent(), OPEN, { input: { kind: 'COMPLAINT', reason: 'DELAY', channel: 'REGULATOR_12305', title: 'x', waybillNo: no } });
    expect(firstError(regulator)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REGULATOR_CASE_REQUIRED' });
    const badWaybill: any = await h.gql(as.agent(), OPEN, { input: { kind: 'URGE', reason: 'NO_SCAN_UPDATE', channel: 'PHONE', title: 'x', waybillNo: 'CD123' } });
    expect(firstError(badWaybill)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await h.ds.query(`SELECT count(*)::int AS n FROM tickets.ticket`)).toEqual(before);
  });

  it('moves only by allowed transitions, and the second of two same-version edits gets CONFLICT', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const { id } = ((await urge(no)) as any).data.openTicket.ticket;
    const resolveDirectly: any = await h.gql(as.agent(), STATUS, { input: { ticketId: id, version: 1, status: 'RESOLVED' } });
    expect(firstError(resolveDirectly)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'USE_RESOLVE' });

    const other = aWaybillNo();
    h.waybills.add({ waybillNo: other, destinationOutletId: outletA });
    const closed = ((await urge(other)) as any).data.openTicket.ticket;
    expect(((await h.gql(as.agent(), STATUS, { input: { ticketId: closed.id, version: 1, status: 'CLOSED' } })) as any).data.changeTicketStatus.status).toBe('CLOSED');
    const leaveClosed: any = await h.gql(as.agent(), STATUS, { input: { ticketId: closed.id, version: 2, status: 'IN_PROGRESS' } });
    expect(firstError(leaveClosed)).toMatchObject({ code: 'CONFLICT', reason: 'TRANSITION_NOT_ALLOWED' });

    const [a, b]: any[] = await Promise.all([
      h.gql(as.agent('agent-a'), STATUS, { input: { ticketId: id, version: 1, status: 'IN_PROGRESS' } }),
      h.gql(as.agent('agent-b'), STATUS, { input: { ticketId: id, version: 1, status: 'WAITING_FOR_OUTLET' } }),
    ]);
    const winners = [a, b].filter((r) => !r.errors);
    const losers = [a, b].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(firstError(losers[0])).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_VERSION_CONFLICT' });
    expect(winners[0].data.changeTicketStatus.version).toBe(2);
    const trail = await h.ds.query(`SELECT actor, field, from_value AS "from", to_value AS "to" FROM tickets.ticket_event WHERE ticket_id = $1 AND field = 'status'`, [id]);
    expect(trail).toEqual([{ actor: winners[0] === a ? 'agent-a' : 'agent-b', field: 'status', from: 'OPEN', to: winners[0].data.changeTicketStatus.status }]);
  });

  it('pauses the clocks while waiting for the customer and resumes them after', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const opened: any = await urge(no);
    const { id } = opened.data.openTicket.ticket;
    const resolutionDue = (t: any) => t.sla.clocks.find((c: any) => c.metric === 'RESOLUTION');
    const SLA = `query T($id: ID) { ticket(id: $id) { sla { dueAt clocks { metric state deadline pausedMinutes } } } }`;
    const first = resolutionDue(((await h.gql(as.agent(), SLA, { id })) as any).data.ticket);
    await h.gql(as.agent(), STATUS, { input: { ticketId: id, version: 1, status: 'WAITING_FOR_CUSTOMER' } });
    const paused = resolutionDue(((await h.gql(as.agent(), SLA, { id })) as any).data.ticket);
    expect(paused.state).toBe('PAUSED');
    expect(paused.deadline).toBeNull();
    clock = new Date(NOW.getTime() + 60 * 60_000); // an hour later, still within working hours
    await h.gql(as.agent(), STATUS, { input: { ticketId: id, version: 2, status: 'IN_PROGRESS' } });
    const resumed = resolutionDue(((await h.gql(as.agent(), SLA, { id })) as any).data.ticket);
    clock = NOW;
    expect(resumed.state).toBe('ACTIVE');
    expect(resumed.pausedMinutes).toBeGreaterThanOrEqual(60);
    expect(new Date(resumed.deadline).getTime()).toBeGreaterThan(new Date(first.deadline).getTime());
  });

  it('merges one ticket into another, keeping both histories; never into itself', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const complaint = async () =>
      ((await h.gql(as.agent(), OPEN, { input: { kind: 'COMPLAINT', reason: 'DELAY', channel: 'APP', title: '投诉延误', waybillNo: no } })) as any).data.openTicket.ticket;
    const source = await complaint();
    const target = await complaint();
    const MERGE = `mutation M($input: MergeTicketsInput!) { mergeTickets(input: $input) { source { status resolutionCode mergedInto { id } } target { id version } } }`;
    const self: any = await h.gql(as.agent(), MERGE, { input: { sourceTicketId: source.id, sourceVersion: 1, targetTicketId: source.id, targetVersion: 1 } });
    expect(firstError(self)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MERGE_INTO_ITSELF' });
    const merged: any = await h.gql(as.agent(), MERGE, { input: { sourceTicketId: source.id, sourceVersion: 1, targetTicketId: target.id, targetVersion: 1 } });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeTickets.source).toEqual({ status: 'CLOSED', resolutionCode: 'MERGED', mergedInto: { id: target.id } });
    const trail = await h.ds.query(`SELECT ticket_id::text AS id, type FROM tickets.ticket_event WHERE type IN ('MERGED_INTO', 'MERGED_FROM') AND field IS NULL ORDER BY id`);
    expect(trail).toEqual(expect.arrayContaining([{ id: source.id, type: 'MERGED_INTO' }, { id: target.id, type: 'MERGED_FROM' }]));
    const again: any = await h.gql(as.agent(), STATUS, { input: { ticketId: source.id, version: 2, status: 'IN_PROGRESS' } });
    expect(firstError(again)).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_MERGED' });
  });

  it('an outlet’s queue merges the tickets it owns and those it answers, nearest deadline first, page after page', async () => {
    const [own, other] = [anOutletId(), anOutletId()];
    const open = async (input: Record<string, unknown>) => ((await h.gql(as.agent(), OPEN, { input: { channel: 'PHONE', title: 'queue', ...input } })) as any).data.openTicket.ticket.id as string;
    const urgeAt = async (outlet: string) => {
      const no = aWaybillNo();
      h.waybills.add({ waybillNo: no, destinationOutletId: outlet });
      return open({ kind: 'URGE', reason: 'NO_SCAN_UPDATE', waybillNo: no });
    };
    const problemFrom = async (responsible: string, counterpart: string) => {
      const no = aWaybillNo();
      h.waybills.add({ waybillNo: no, originOutletId: counterpart, destinationOutletId: responsible });
      return open({ kind: 'PROBLEM_PARCEL', reason: 'DUE_NOT_ARRIVED', waybillNo: no, responsibleOutletId: responsible, counterpartOutletId: counterpart });
    };
    const owned = [await urgeAt(own), await urgeAt(own), await urgeAt(own)];
    const answered = [await problemFrom(other, own), await problemFrom(other, own)];
    const notOurs = await urgeAt(other);
    // Deadlines interleaving the two walks; no deadline (all clocks paused) goes last.
    const order = [answered[1], owned[2], answered[0], owned[0], owned[1]];
    const due = ['2026-11-02T03:00:00Z', '2026-11-02T04:00:00Z', '2026-11-02T05:00:00Z', '2026-11-02T06:00:00Z', null];
    for (const [i, id] of order.entries()) await h.ds.query(`UPDATE tickets.ticket SET sla_due_at = $2 WHERE id = $1`, [id, due[i]]);
    await h.ds.query(`UPDATE tickets.ticket SET sla_due_at = '2026-11-02T02:30:00Z' WHERE id = $1`, [notOurs]);

    const PAGE = `query Q($after: String, $filter: TicketFilter) { tickets(first: 2, after: $after, filter: $filter) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const walk = async (who: ReturnType<typeof as.agent>, filter: Record<string, unknown> | null) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await h.gql(who, PAGE, { after, filter });
        expect(res.errors).toBeUndefined();
        seen.push(...res.data.tickets.edges.map((e: any) => e.node.id));
        if (!res.data.tickets.pageInfo.hasNextPage) return seen;
        after = res.data.tickets.pageInfo.endCursor;
      }
    };
    expect(await walk(as.partner(own), null)).toEqual(order);
    expect(await walk(as.agent(), { outletId: own })).toEqual(order);
    expect(await walk(as.partner(other), { outletId: own })).toEqual([answered[1], answered[0]]);
  });

  it('a partner reads and changes only tickets its outlet is party to, by every path', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const ticket = ((await urge(no)) as any).data.openTicket.ticket;
    const mine: any = await h.gql(as.partner(outletA), TICKET, { id: ticket.id });
    expect(mine.data.ticket).toMatchObject({ id: ticket.id, callerPhone: '13812345678' });
    const other: any = await h.gql(as.partner(outletB), TICKET, { id: ticket.id });
    expect(firstError(other)).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    const change: any = await h.gql(as.partner(outletB), STATUS, { input: { ticketId: ticket.id, version: 1, status: 'IN_PROGRESS' } });
    expect(firstError(change)).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    const entities: any = await h.gql(as.partner(outletB), `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id } } }`, {
      r: [{ __typename: 'Ticket', id: ticket.id }],
    });
    expect(entities.data._entities).toEqual([null]);
    const queue: any = await h.gql(as.partner(outletB), `{ tickets(first: 100) { edges { node { id } } } }`);
    expect(queue.data.tickets.edges.map((e: any) => e.node.id)).not.toContain(ticket.id);
    const analyst: any = await h.gql(as.analyst(), TICKET, { id: ticket.id });
    expect(analyst.data.ticket.callerPhone).toBe('138****5678');
    const scanner: any = await h.gql(as.scanner(), TICKET, { id: ticket.id });
    expect(firstError(scanner)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps every change in the audit trail, queryable page by page, with personal data shown by the policy', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const { id } = ((await urge(no)) as any).data.openTicket.ticket;
    await h.gql(as.agent('agent-a'), STATUS, { input: { ticketId: id, version: 1, status: 'IN_PROGRESS' } });
    const RESOLVE = `mutation R($input: ResolveTicketInput!) { resolveTicket(input: $input) { status version firstReplyAt } }`;
    const resolved: any = await h.gql(as.agent('agent-b'), RESOLVE, { input: { ticketId: id, version: 2, resolutionCode: 'ANSWERED', note: '已电话联系客户 13812345678' } });
    expect(resolved.data.resolveTicket).toMatchObject({ status: 'RESOLVED', version: 3 });
    expect(resolved.data.resolveTicket.firstReplyAt).not.toBeNull();
    const HISTORY = `query H($id: ID, $after: String) { ticket(id: $id) { history(first: 3, after: $after) { edges { node { actor type field from to } } pageInfo { hasNextPage endCursor } } } }`;
    const read = async (who: any) => {
      const lines: any[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await h.gql(who, HISTORY, { id, after });
        lines.push(...res.data.ticket.history.edges.map((e: any) => e.node));
        if (!res.data.ticket.history.pageInfo.hasNextPage) return lines;
        after = res.data.ticket.history.pageInfo.endCursor;
      }
    };
    const agent = await read(as.agent());
    expect(agent[0]).toMatchObject({ type: 'CREATED', field: null });
    expect(agent).toEqual(
      expect.arrayContaining([
        { actor: 'agent-a', type: 'STATUS_CHANGED', field: 'status', from: 'OPEN', to: 'IN_PROGRESS' },
        { actor: 'agent-b', type: 'RESOLVED', field: 'status', from: 'IN_PROGRESS', to: 'RESOLVED' },
        { actor: 'agent-b', type: 'RESOLVED', field: 'resolutionNote', from: null, to: '已电话联系客户 13812345678' },
      ]),
    );
    const analyst = await read(as.analyst());
    expect(analyst).toHaveLength(agent.length);
    const note = analyst.find((line) => line.field === 'resolutionNote');
    expect(note.to).not.toContain('13812345678');
    expect(note.to).toContain('已电话联系客户');
  });

  it('lists a partner’s own tickets on a waybill even when other outlets’ tickets would fill the list’s bound', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, originOutletId: outletA, destinationOutletId: outletB });
    const open = (responsibleOutletId: string, title: string) =>
      h.gql(as.agent(), OPEN, { input: { kind: 'COMPLAINT', reason: 'DELAY', channel: 'APP', title, waybillNo: no, responsibleOutletId } });
    const mine: any = await open(outletA, 'A 的投诉');
    for (let i = 0; i < 50; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => open(outletB, `B 的投诉 ${i + j}`)));
    const WAYBILL_TICKETS = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Waybill { tickets { id } } } }`;
    const seen: any = await h.gql(as.partner(outletA), WAYBILL_TICKETS, { r: [{ __typename: 'Waybill', waybillNo: no }] });
    expect(seen.data._entities[0].tickets).toEqual([{ id: mine.data.openTicket.ticket.id }]);
    const hq: any = await h.gql(as.agent(), WAYBILL_TICKETS, { r: [{ __typename: 'Waybill', waybillNo: no }] });
    expect(hq.data._entities[0].tickets).toHaveLength(50);
  });
});
