import { as } from '../testing/identities';
import { aWaybillNo, anOutletId } from '../testing/builders';
import { firstError, startTicketsHarness, type TicketsHarness } from '../testing/tickets.harness';

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

const OPEN = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id version status } } }`;
const ORDER = `query T($id: ID) { ticket(id: $id) { id version status problemParcel {
  registeringOutlet { id } answeringOutlet { id } disposition answerDueAt answeredAt answeredLate answeredBy answer
  firstUnreachableAt returnDueAt flags policyVersion } } }`;
const ANSWER = `mutation A($input: AnswerProblemParcelInput!) { answerProblemParcel(input: $input) { id version status } }`;
const UNREACHABLE = `mutation U($input: ReportRecipientUnreachableInput!) { reportRecipientUnreachable(input: $input) { id version } }`;
const STATUS = `mutation S($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id version status } }`;
const RESOLVE = `mutation R($input: ResolveTicketInput!) { resolveTicket(input: $input) { id version status } }`;

describe('problem parcels between outlets (问题件): answer, deadline, unreachable recipient, the parties only', () => {
  let h: TicketsHarness;
  let clock = NOW;
  const outletA = anOutletId(); // registers
  const outletB = anOutletId(); // answers
  const outletC = anOutletId(); // neither

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => clock });
  });
  afterAll(() => h.stop());
  beforeEach(() => {
    clock = NOW;
  });

  /** Outlet A registers a problem parcel against B, now. */
  const register = async (reason: string) => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, originOutletId: outletB, destinationOutletId: outletA });
    const res: any = await h.gql(as.partner(outletA), OPEN, {
      input: { kind: 'PROBLEM_PARCEL', reason, channel: 'OUTLET', title: '问题件', waybillNo: no, counterpartOutletId: outletB },
    });
    expect(res.errors).toBeUndefined();
    return res.data.openTicket.ticket as { id: string; version: number; status: string };
  };
  const order = async (id: string, who = as.partner(outletA)) => ((await h.gql(who, ORDER, { id })) as any).data.ticket;

  it('lives its life: registered by A, answered in time by a named person at B, resolved by A', async () => {
    const ticket = await register('ADDRESS_UNCLEAR');
    const opened = await order(ticket.id);
    expect(opened.problemParcel).toEqual({
      registeringOutlet: { id: outletA },
      answeringOutlet: { id: outletB },
      disposition: 'RE_DELIVER',
      answerDueAt: at(DAY).toISOString(),
      answeredAt: null,
      answeredLate: false,
      answeredBy: null,
      answer: null,
      firstUnreachableAt: null,
      returnDueAt: null,
      flags: ['ANSWER_DUE'],
      policyVersion: 'problem-parcel-2020.1',
    });
    const waiting: any = await h.gql(as.partner(outletA), STATUS, { input: { ticketId: ticket.id, version: 1, status: 'WAITING_FOR_OUTLET' } });
    expect(waiting.data.changeTicketStatus.status).toBe('WAITING_FOR_OUTLET');

    const byRegistering: any = await h.gql(as.partner(outletA), ANSWER, { input: { ticketId: ticket.id, version: 2, answeredBy: '张三', answer: '已联系' } });
    expect(firstError(byRegistering)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_THE_ANSWERING_OUTLET' });
    const nobody: any = await h.gql(as.partner(outletB), ANSWER, { input: { ticketId: ticket.id, version: 2, answeredBy: '  ', answer: '已联系' } });
    expect(firstError(nobody)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ANSWER_REQUIRES_PERSON' });

    clock = at(3 * HOUR);
    const answered: any = await h.gql(as.partner(outletB), ANSWER, {
      input: { ticketId: ticket.id, version: 2, answeredBy: ' 王五 ', answer: '地址为幸福路18号3单元，请再派' },
    });
    expect(answered.errors).toBeUndefined();
    expect(answered.data.answerProblemParcel).toMatchObject({ status: 'IN_PROGRESS', version: 3 });
    const seen = await order(ticket.id);
    expect(seen.problemParcel).toMatchObject({ answeredAt: at(3 * HOUR).toISOString(), answeredLate: false, answeredBy: '王五', flags: ['ANSWERED'] });
    expect(seen.problemParcel.answer).toBe('地址为幸福路18号3单元，请再派');
    // Past the limit an answered parcel stays ANSWERED: the flag follows the answer, not the clock.
    clock = at(2 * DAY);
    expect((await order(ticket.id)).problemParcel.flags).toEqual(['ANSWERED']);
    // The answerer's name is staff data of the parties: masked for an analyst.
    expect((await order(ticket.id, as.analyst())).problemParcel.answeredBy).toBe('王*');

    const trail = await h.ds.query(`SELECT actor, field, to_value AS "to" FROM tickets.ticket_event WHERE ticket_id = $1 AND type = 'PROBLEM_PARCEL_ANSWERED' ORDER BY id`, [ticket.id]);
    expect(trail).toEqual(
      expect.arrayContaining([
        { actor: `partner-${outletB}`, field: 'status', to: 'IN_PROGRESS' },
        { actor: `partner-${outletB}`, field: 'problemAnsweredBy', to: '王五' },
      ]),
    );
    const resolved: any = await h.gql(as.partner(outletA), RESOLVE, { input: { ticketId: ticket.id, version: 3, resolutionCode: 'REDELIVERED' } });
    expect(resolved.data.resolveTicket.status).toBe('RESOLVED');
    const late: any = await h.gql(as.partner(outletB), ANSWER, { input: { ticketId: ticket.id, version: 4, answeredBy: '王五', answer: '补充' } });
    expect(firstError(late)).toEqual({ code: 'CONFLICT', reason: 'TRANSITION_NOT_ALLOWED' });
  });

  it('flags an unanswered parcel for return once the limit has passed (the deadline itself still in time); a late answer is on record', async () => {
    const ticket = await register('NO_SUCH_PERSON');
    clock = at(DAY);
    expect((await order(ticket.id)).problemParcel).toMatchObject({ flags: ['ANSWER_DUE'], disposition: 'CANNOT_DELIVER' });
    clock = at(DAY + 60_000);
    expect((await order(ticket.id)).problemParcel.flags).toEqual(['OVERDUE_FLAG_FOR_RETURN']);
    const answered: any = await h.gql(as.agent(), ANSWER, { input: { ticketId: ticket.id, version: 1, answeredBy: '总部客服赵六', answer: '查无此人，退回' } });
    expect(answered.errors).toBeUndefined();
    expect((await order(ticket.id)).problemParcel).toMatchObject({ flags: ['ANSWERED'], answeredLate: true, answeredBy: '总部客服赵六' });
  });

  it('returns an unreachable recipient’s parcel to the origin outlet 7 days after the first failed attempt, counted once', async () => {
    const ticket = await register('RECIPIENT_UNREACHABLE');
    clock = at(DAY);
    const first: any = await h.gql(as.partner(outletA), UNREACHABLE, { input: { ticketId: ticket.id, version: 1 } });
    expect(first.errors).toBeUndefined();
    clock = at(2 * DAY);
    const again: any = await h.gql(as.partner(outletB), UNREACHABLE, { input: { ticketId: ticket.id, version: first.data.reportRecipientUnreachable.version } });
    expect(again.errors).toBeUndefined();
    const reports = await h.ds.query(`SELECT actor FROM tickets.ticket_event WHERE ticket_id = $1 AND type = 'RECIPIENT_UNREACHABLE' AND field IS NULL`, [ticket.id]);
    expect(reports).toHaveLength(2);

    clock = at(8 * DAY - 60_000);
    const before = (await order(ticket.id)).problemParcel;
    expect(before).toMatchObject({ firstUnreachableAt: at(DAY).toISOString(), returnDueAt: at(8 * DAY).toISOString(), disposition: 'RE_DELIVER' });
    expect(before.flags).not.toContain('RETURN_TO_ORIGIN');
    clock = at(8 * DAY);
    expect((await order(ticket.id)).problemParcel.flags).toEqual(['OVERDUE_FLAG_FOR_RETURN', 'RETURN_TO_ORIGIN']);
  });

  it('a third outlet neither sees nor answers nor reports on it: NOT_FOUND everywhere', async () => {
    const ticket = await register('ADDRESS_CHANGE');
    const read: any = await h.gql(as.partner(outletC), ORDER, { id: ticket.id });
    expect(firstError(read)).toEqual({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    const answer: any = await h.gql(as.partner(outletC), ANSWER, { input: { ticketId: ticket.id, version: 1, answeredBy: '钱七', answer: '我们来送' } });
    expect(firstError(answer)).toEqual({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    const report: any = await h.gql(as.partner(outletC), UNREACHABLE, { input: { ticketId: ticket.id, version: 1 } });
    expect(firstError(report)).toEqual({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    const [row] = await h.ds.query(`SELECT version, problem_answered_at FROM tickets.ticket WHERE id = $1`, [ticket.id]);
    expect(row).toEqual({ version: 1, problem_answered_at: null });
  });

  it('other kinds have no problem-parcel order and take no answer', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const urge: any = await h.gql(as.agent(), OPEN, { input: { kind: 'URGE', reason: 'URGE_DELIVERY', channel: 'PHONE', title: '催件', waybillNo: no } });
    const { id } = urge.data.openTicket.ticket;
    expect((await order(id, as.agent())).problemParcel).toBeNull();
    const answer: any = await h.gql(as.agent(), ANSWER, { input: { ticketId: id, version: 1, answeredBy: '王五', answer: 'x' } });
    expect(firstError(answer)).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_PROBLEM_PARCEL' });
  });
});
