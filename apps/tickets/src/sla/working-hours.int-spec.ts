import { as } from '../testing/identities';
import { aWaybillNo, anOutletId } from '../testing/builders';
import { firstError, startTicketsHarness, type TicketsHarness } from '../testing/tickets.harness';

const NOW = new Date('2026-09-15T02:00:00Z'); // Tuesday 10:00 in China, a working day outside every peak season
const SET = `mutation H($input: SetOutletWorkingHoursInput!) { setOutletWorkingHours(input: $input) { outletId opens closes recomputedTickets } }`;
const FIRST_REPLY = `query T($id: ID) { ticket(id: $id) { sla { dueAt clocks { metric deadline basis } } } }`;

describe('an outlet’s working hours, which its tickets’ business-time clocks count in', () => {
  let h: TicketsHarness;
  const outlet = anOutletId();

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => NOW });
  });
  afterAll(() => h.stop());

  it('moves the open tickets’ deadlines at once, and refuses hours that are not hours or not the caller’s outlet', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outlet });
    // A signed-not-received case: its first reply is due in 2 business hours of the outlet.
    const opened: any = await h.gql(as.agent(), `mutation { openTicket(input: { kind: SIGNED_NOT_RECEIVED, reason: SIGNED_BY_OTHER, channel: PHONE, title: "签收未收到", waybillNo: "${no}" }) { ticket { id } } }`);
    const id = opened.data.openTicket.ticket.id;
    const firstReply = async () => ((await h.gql(as.agent(), FIRST_REPLY, { id })) as any).data.ticket.sla.clocks.find((c: any) => c.metric === 'FIRST_REPLY');
    const before = await firstReply();
    expect(before.basis).toBe('BUSINESS');
    expect(before.deadline).toBe('2026-09-15T04:00:00.000Z'); // 12:00 China: inside the default 08:30–18:00

    const set: any = await h.gql(as.partner(outlet), SET, { input: { outletId: outlet, opens: '08:30', closes: '11:00' } });
    expect(set.data.setOutletWorkingHours).toEqual({ outletId: outlet, opens: '08:30', closes: '11:00', recomputedTickets: 1 });
    const after = await firstReply();
    // One hour left today (10:00–11:00), the second from 08:30 the next working day.
    expect(after.deadline).toBe('2026-09-16T01:30:00.000Z');
    const [{ due }] = await h.ds.query(`SELECT sla_due_at AS due FROM tickets.ticket WHERE id = $1`, [id]);
    expect(due.toISOString()).toBe(after.deadline);

    const other: any = await h.gql(as.partner(anOutletId()), SET, { input: { outletId: outlet, opens: '00:00', closes: '24:00' } });
    expect(firstError(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTLET_NOT_PARTY' });
    const nonsense: any = await h.gql(as.agent(), SET, { input: { outletId: outlet, opens: '25:00', closes: '18:00' } });
    expect(firstError(nonsense)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WORKING_HOURS' });
    const backwards: any = await h.gql(as.agent(), SET, { input: { outletId: outlet, opens: '18:00', closes: '08:00' } });
    expect(firstError(backwards)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WORKING_HOURS' });
    expect((await h.ds.query(`SELECT opens, closes FROM tickets.outlet_working_hours WHERE outlet_id = $1`, [outlet]))[0]).toEqual({ opens: '08:30', closes: '11:00' });
  });
});
