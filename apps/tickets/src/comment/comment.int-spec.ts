import { as } from '../testing/identities';
import { aWaybillNo, anOutletId } from '../testing/builders';
import { firstError, startTicketsHarness, type TicketsHarness } from '../testing/tickets.harness';

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China
const MINUTE = 60_000;

const OPEN = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id version } } }`;
const NOTE = `mutation C($input: CommentOnTicketInput!) {
  commentOnTicket(input: $input) { comment { id visibility body author authorOutlet { id } fromCustomer } ticket { id version } }
}`;
const REPLY = `mutation R($input: ReplyToCustomerInput!) {
  replyToCustomer(input: $input) {
    comment { id visibility body author cannedReplyCode fromCustomer }
    missingPlaceholders
    ticket { id version status firstReplyAt sla { clocks { metric cycle state metAt } } }
  }
}`;
const MESSAGE = `mutation M($input: RecordCustomerMessageInput!) {
  recordCustomerMessage(input: $input) { comment { visibility body author fromCustomer authorOutlet { id } } ticket { status version sla { clocks { metric cycle state } } } }
}`;
const COMMENTS = `query T($id: ID, $first: Int, $after: String) {
  ticket(id: $id) { comments(first: $first, after: $after) { edges { node { body visibility author authorOutlet { id } } } pageInfo { hasNextPage endCursor } } }
}`;
const PREVIEW = `query P($id: ID!, $code: String!) { previewCannedReply(ticketId: $id, code: $code) { code text missingPlaceholders } }`;

describe('tickets: comments, replies to the customer and canned replies', () => {
  let h: TicketsHarness;
  let clock = NOW;
  const outletA = anOutletId();
  const outletB = anOutletId();
  const outletC = anOutletId();

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => clock });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    clock = NOW;
  });

  const open = async (input: Record<string, unknown>, who = as.agent()): Promise<string> => {
    const res: any = await h.gql(who, OPEN, { input });
    expect(res.errors).toBeUndefined();
    return res.data.openTicket.ticket.id;
  };
  const urge = (waybillNo: string) => open({ kind: 'URGE', reason: 'NO_SCAN_UPDATE', channel: 'PHONE', title: '催件', waybillNo });
  const problemParcel = (waybillNo: string) =>
    open({ kind: 'PROBLEM_PARCEL', reason: 'ADDRESS_UNCLEAR', channel: 'OUTLET', title: '地址不详', waybillNo, responsibleOutletId: outletA, counterpartOutletId: outletB });
  const bodies = async (who: ReturnType<typeof as.agent>, id: string): Promise<string[]> => {
    const res: any = await h.gql(who, COMMENTS, { id, first: 100 });
    expect(res.errors).toBeUndefined();
    return res.data.ticket.comments.edges.map((e: any) => e.node.body);
  };
  const countRows = async (table: string, ticketId: string): Promise<number> =>
    (await h.ds.query(`SELECT count(*)::int AS n FROM tickets.${table} WHERE ticket_id = $1`, [ticketId]))[0].n;
  const tick = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * MINUTE);
  };

  it('keeps the three visibilities apart across HQ, outlet A and outlet B of a problem parcel', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, originOutletId: outletB, destinationOutletId: outletA });
    const id = await problemParcel(no);
    const note = async (who: ReturnType<typeof as.agent>, visibility: string, body: string) => {
      tick(1);
      const res: any = await h.gql(who, NOTE, { input: { ticketId: id, visibility, body } });
      expect(res.errors).toBeUndefined();
      return res.data.commentOnTicket;
    };
    const aInternal = await note(as.partner(outletA), 'INTERNAL', 'A内部：派件员说地址只写到小区');
    await note(as.partner(outletB), 'INTERNAL', 'B内部：寄件人留的地址就是这样');
    await note(as.agent(), 'INTERNAL', 'HQ内部：若超时考虑罚款A网点');
    await note(as.partner(outletA), 'SHARED', '共享：请B网点联系寄件人补全地址');
    tick(1);
    expect((await h.gql(as.agent(), REPLY, { input: { ticketId: id, body: '您好，已联系网点核实地址。' } })).errors).toBeUndefined();

    expect(aInternal.comment).toMatchObject({ visibility: 'INTERNAL', author: `partner-${outletA}`, authorOutlet: { id: outletA }, fromCustomer: false });
    // A note is history only: the ticket's version does not move.
    expect(aInternal.ticket.version).toBe(1);
    expect(await bodies(as.agent(), id)).toEqual([
      'A内部：派件员说地址只写到小区',
      'B内部：寄件人留的地址就是这样',
      'HQ内部：若超时考虑罚款A网点',
      '共享：请B网点联系寄件人补全地址',
      '您好，已联系网点核实地址。',
    ]);
    expect(await bodies(as.partner(outletA), id)).toEqual(['A内部：派件员说地址只写到小区', '共享：请B网点联系寄件人补全地址', '您好，已联系网点核实地址。']);
    expect(await bodies(as.partner(outletB), id)).toEqual(['B内部：寄件人留的地址就是这样', '共享：请B网点联系寄件人补全地址', '您好，已联系网点核实地址。']);

    // The rule runs in the statement: an outlet's pages are full, the hidden notes never take a place.
    const first: any = await h.gql(as.partner(outletB), COMMENTS, { id, first: 2 });
    expect(first.data.ticket.comments.edges.map((e: any) => e.node.body)).toEqual(['B内部：寄件人留的地址就是这样', '共享：请B网点联系寄件人补全地址']);
    expect(first.data.ticket.comments.pageInfo.hasNextPage).toBe(true);
    const second: any = await h.gql(as.partner(outletB), COMMENTS, { id, first: 2, after: first.data.ticket.comments.pageInfo.endCursor });
    expect(second.data.ticket.comments.edges.map((e: any) => e.node.body)).toEqual(['您好，已联系网点核实地址。']);
    expect(second.data.ticket.comments.pageInfo.hasNextPage).toBe(false);

    // An outlet not party to the case: NOT_FOUND, like every other path, and nothing written.
    const before = await countRows('ticket_comment', id);
    const outsider: any = await h.gql(as.partner(outletC), NOTE, { input: { ticketId: id, visibility: 'SHARED', body: '我也想看看' } });
    expect(firstError(outsider)).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    const outsiderReply: any = await h.gql(as.partner(outletC), REPLY, { input: { ticketId: id, body: '您好' } });
    expect(firstError(outsiderReply)).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    expect(await countRows('ticket_comment', id)).toBe(before);
    // The audit trail names each note without quoting it.
    const lines = await h.ds.query(`SELECT detail FROM tickets.ticket_event WHERE ticket_id = $1 AND type = 'COMMENTED' ORDER BY id`, [id]);
    expect(lines).toHaveLength(4);
    expect(JSON.stringify(lines)).not.toContain('内部');
  });

  it('fills a canned reply from the waybill’s live facts, lists the placeholders it lacks, and stores the text sent', async () => {
    const no = aWaybillNo();
    h.waybills.add({
      waybillNo: no,
      destinationOutletId: outletA,
      status: 'IN_TRANSIT',
      lastScanAt: new Date('2026-11-02T00:30:00Z'),
      lastScanPlace: '杭州转运中心',
      destinationOutletName: '西湖文三路网点',
    });
    const id = await urge(no);
    const preview: any = await h.gql(as.agent(), PREVIEW, { id, code: 'STATUS_ANSWER' });
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewCannedReply.text).toBe(`您好，您的快递${no}当前状态为“运输中”，最新记录：今天 08:30，杭州转运中心。预计暂无送达，请您耐心等待。`);
    expect(preview.data.previewCannedReply.missingPlaceholders).toEqual(['eta']);
    expect(await countRows('ticket_comment', id)).toBe(0);

    // Live, not a copy: the parcel moved on, the reply says so.
    h.waybills.add({
      waybillNo: no,
      destinationOutletId: outletA,
      status: 'OUT_FOR_DELIVERY',
      courierName: '李师傅',
      courierPhone: '13900001111',
      destinationOutletName: '西湖文三路网点',
    });
    const sent: any = await h.gql(as.agent(), REPLY, { input: { ticketId: id, cannedReplyCode: 'OUT_FOR_DELIVERY' } });
    expect(sent.errors).toBeUndefined();
    const { comment, missingPlaceholders } = sent.data.replyToCustomer;
    expect(comment).toMatchObject({
      visibility: 'CUSTOMER',
      cannedReplyCode: 'OUT_FOR_DELIVERY',
      body: `您好，您的快递${no}正在派送中，派送员李师傅，联系电话13900001111，请保持电话畅通，注意接听。`,
      fromCustomer: false,
    });
    expect(missingPlaceholders).toEqual([]);
    const [stored] = await h.ds.query(`SELECT body, canned_reply_code AS code, visibility FROM tickets.ticket_comment WHERE ticket_id = $1`, [id]);
    expect(stored).toEqual({ body: comment.body, code: 'OUT_FOR_DELIVERY', visibility: 'CUSTOMER' });

    // Without pii:read the courier's phone in the text is masked.
    const analyst: any = await h.gql(as.analyst(), COMMENTS, { id, first: 10 });
    expect(analyst.data.ticket.comments.edges[0].node.body).not.toContain('13900001111');
    expect(analyst.data.ticket.comments.edges[0].node.body).toContain('李师傅');

    // An agent's edit of the template is filled the same way and keeps the code.
    const edited: any = await h.gql(as.agent(), REPLY, { input: { ticketId: id, cannedReplyCode: 'OUT_FOR_DELIVERY', body: '{{courierName}}预计{{eta}}到达，请留意。' } });
    expect(edited.data.replyToCustomer.comment).toMatchObject({ body: '李师傅预计暂无到达，请留意。', cannedReplyCode: 'OUT_FOR_DELIVERY' });
    expect(edited.data.replyToCustomer.missingPlaceholders).toEqual(['eta']);

    const catalogue: any = await h.gql(as.partner(outletA), `{ cannedReplies(kind: COMPLAINT) { code kinds template } }`);
    expect(catalogue.data.cannedReplies.map((r: any) => r.code)).toEqual(['DELAY_APOLOGY', 'COMPLAINT_ACKNOWLEDGED', 'OVERCHARGE_ANSWER', 'RESOLVED_NOTICE']);
    expect(catalogue.data.cannedReplies.every((r: any) => r.kinds.includes('COMPLAINT'))).toBe(true);
  });

  it('the first reply meets the first-reply clock; the customer’s next message starts a next-reply clock the next reply meets', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const id = await urge(no);
    tick(20);
    const first: any = await h.gql(as.partner(outletA), REPLY, { input: { ticketId: id, body: '您好，已催促派送员尽快派送。' } });
    expect(first.errors).toBeUndefined();
    const replied = first.data.replyToCustomer.ticket;
    expect(new Date(replied.firstReplyAt)).toEqual(clock);
    expect(replied.version).toBe(2);
    expect(replied.sla.clocks.find((c: any) => c.metric === 'FIRST_REPLY')).toMatchObject({ state: 'MET', metAt: clock.toISOString() });
    const firstReplyAt = replied.firstReplyAt;

    tick(30);
    await h.gql(as.agent(), `mutation S($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { version } }`, {
      input: { ticketId: id, version: 2, status: 'WAITING_FOR_CUSTOMER' },
    });
    tick(30);
    const message: any = await h.gql(as.agent(), MESSAGE, { input: { ticketId: id, body: '还没到，明天要出差，今天能送吗？' } });
    expect(message.errors).toBeUndefined();
    const recorded = message.data.recordCustomerMessage;
    expect(recorded.comment).toEqual({ visibility: 'CUSTOMER', body: '还没到，明天要出差，今天能送吗？', author: 'customer', fromCustomer: true, authorOutlet: null });
    // The wait for the customer is over.
    expect(recorded.ticket.status).toBe('IN_PROGRESS');
    expect(recorded.ticket.sla.clocks.find((c: any) => c.metric === 'NEXT_REPLY')).toMatchObject({ cycle: 1, state: 'ACTIVE' });
    // Every party reads the conversation.
    expect(await bodies(as.partner(outletA), id)).toEqual(['您好，已催促派送员尽快派送。', '还没到，明天要出差，今天能送吗？']);

    tick(10);
    const second: any = await h.gql(as.agent(), REPLY, { input: { ticketId: id, cannedReplyCode: 'URGE_ACKNOWLEDGED' } });
    expect(second.errors).toBeUndefined();
    const after = second.data.replyToCustomer.ticket;
    expect(after.firstReplyAt).toBe(firstReplyAt);
    expect(after.sla.clocks.find((c: any) => c.metric === 'NEXT_REPLY')).toMatchObject({ cycle: 1, state: 'MET' });
    expect(second.data.replyToCustomer.missingPlaceholders).toEqual(['outletName', 'courierName', 'courierPhone']);

    // One REPLIED line per reply (a field line typed REPLIED would count as another reply), one CUSTOMER_MESSAGE line.
    const trail = await h.ds.query(
      `SELECT type, field, actor FROM tickets.ticket_event WHERE ticket_id = $1 AND type IN ('REPLIED', 'CUSTOMER_MESSAGE') ORDER BY id`,
      [id],
    );
    expect(trail).toEqual([
      { type: 'REPLIED', field: null, actor: `partner-${outletA}` },
      { type: 'CUSTOMER_MESSAGE', field: null, actor: 'agent-1' },
      { type: 'REPLIED', field: null, actor: 'agent-1' },
    ]);
  });

  it.each([
    ['an empty note', NOTE, { visibility: 'SHARED', body: '   ' }, 'BAD_USER_INPUT', 'INVALID_TEXT'],
    ['a note too long', NOTE, { visibility: 'INTERNAL', body: '长'.repeat(4001) }, 'BAD_USER_INPUT', 'INVALID_TEXT'],
    ['a customer reply through commentOnTicket', NOTE, { visibility: 'CUSTOMER', body: '您好' }, 'BAD_USER_INPUT', 'USE_REPLY_TO_CUSTOMER'],
    ['a reply with neither code nor body', REPLY, {}, 'BAD_USER_INPUT', 'REPLY_BODY_REQUIRED'],
    ['a reply with a blank body only', REPLY, { body: '  ' }, 'BAD_USER_INPUT', 'REPLY_BODY_REQUIRED'],
    ['an unknown canned reply', REPLY, { cannedReplyCode: 'NO_SUCH_REPLY' }, 'NOT_FOUND', 'CANNED_REPLY_NOT_FOUND'],
    ['a reply too long', REPLY, { body: '长'.repeat(4001) }, 'BAD_USER_INPUT', 'INVALID_TEXT'],
    ['a reply with an unknown placeholder', REPLY, { body: '您好，{{eta_time}}送达' }, 'BAD_USER_INPUT', 'PLACEHOLDER_UNKNOWN'],
    ['an empty customer message', MESSAGE, { body: '' }, 'BAD_USER_INPUT', 'INVALID_TEXT'],
  ])('refuses %s, writing nothing', async (_what, mutation, input, code, reason) => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const id = await urge(no);
    const res: any = await h.gql(as.agent(), mutation, { input: { ticketId: id, ...input } });
    expect(firstError(res)).toMatchObject({ code, reason });
    expect(await countRows('ticket_comment', id)).toBe(0);
    const [{ version }] = await h.ds.query(`SELECT version FROM tickets.ticket WHERE id = $1`, [id]);
    expect(version).toBe(1);
  });

  it('refuses a preview of an unknown code and of a ticket out of reach', async () => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const id = await urge(no);
    expect(firstError(await h.gql(as.agent(), PREVIEW, { id, code: 'NOPE' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'CANNED_REPLY_NOT_FOUND' });
    expect(firstError(await h.gql(as.partner(outletB), PREVIEW, { id, code: 'STATUS_ANSWER' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    expect(firstError(await h.gql(as.analyst(), NOTE, { input: { ticketId: id, visibility: 'SHARED', body: 'x' } }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  describe('N+1 guard', () => {
    const queueOutlet = anOutletId();
    const QUEUE = `query Q($outletId: ID!, $first: Int) {
      tickets(first: $first, filter: { outletId: $outletId }) { edges { node { id comments(first: 5) { edges { node { body author authorOutlet { id } } } } } } }
    }`;
    const QUEUE_ONLY = `query Q($outletId: ID!, $first: Int) { tickets(first: $first, filter: { outletId: $outletId }) { edges { node { id } } } }`;

    beforeAll(async () => {
      for (let i = 0; i < 20; i++) {
        const no = aWaybillNo();
        h.waybills.add({ waybillNo: no, destinationOutletId: queueOutlet });
        const id = await urge(no);
        await h.gql(as.agent(), NOTE, { input: { ticketId: id, visibility: 'INTERNAL', body: `HQ note ${i}` } });
        await h.gql(as.partner(queueOutlet), NOTE, { input: { ticketId: id, visibility: 'SHARED', body: `outlet note ${i}` } });
      }
    });

    const statements = async (who: ReturnType<typeof as.agent>, query: string, first: number) => {
      h.queries.reset();
      const res: any = await h.gql(who, query, { outletId: queueOutlet, first });
      expect(res.errors).toBeUndefined();
      return { all: h.queries.count, comments: h.queries.statements.filter((s) => s.includes('ticket_comment')).length, data: res.data };
    };

    it.each([
      ['HQ', () => as.agent(), 2],
      ['the outlet', () => as.partner(queueOutlet), 1],
    ])('reads the comments of a 20-ticket queue page in one statement (%s)', async (_who, who, perTicket) => {
      const page = await statements(who(), QUEUE, 20);
      const nodes = page.data.tickets.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(20);
      expect(nodes.every((n: any) => n.comments.edges.length === perTicket)).toBe(true);
      expect(page.comments).toBe(1);
      expect(page.all).toBe((await statements(who(), QUEUE_ONLY, 20)).all + 1);
      expect((await statements(who(), QUEUE, 5)).all).toBe(page.all);
    });
  });
});
