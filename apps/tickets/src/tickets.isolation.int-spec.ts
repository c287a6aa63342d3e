import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@courierdesk/platform-auth';
import { aWaybillNo } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startTicketsHarness, type GraphQLResponse, type TicketsHarness } from './testing/tickets.harness';

// Partner isolation at the desk (只看本网点的工单), as a property: random cases across four outlets —
// urges and complaints with a responsible outlet, problem parcels between two outlets, HQ-only
// inquiries and hub cases without an outlet, notes of every visibility by every side, evidence —
// then, for a random partner outlet, every path that reads or changes a ticket. The partner gets
// exactly the tickets its outlet is party to; every other ticket does not exist for it (NOT_FOUND,
// null in `_entities`, absent from lists and counts) and no change to it writes anything.

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China
const SEED = 1_795_600;
const RUNS = 10;
const ALL_STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'];
const CLOSED_STATUSES = ['RESOLVED', 'CLOSED'];

type Side = 'HQ' | 'RESPONSIBLE' | 'COUNTERPART';
type NoteKind = 'INTERNAL' | 'SHARED' | 'REPLY' | 'CUSTOMER_MESSAGE';
type CaseKind = 'URGE' | 'COMPLAINT' | 'PROBLEM_PARCEL' | 'HQ_INQUIRY' | 'HUB_URGE';

interface CaseSpec {
  kind: CaseKind;
  /** Index of the responsible outlet among the run's four. */
  responsible: number;
  /** Problem parcels: the other outlet, this many places after the responsible one. */
  counterpartOffset: number;
  /** Index of the waybill among the run's three (cases share waybills). */
  waybill: number;
  /** The hub must act too (TransitCentre.openTickets). */
  atHub: boolean;
  resolved: boolean;
  /** HQ escalates it one level (its escalation step names whom to call). */
  escalated: boolean;
  /** Problem parcels: the other outlet answers, by a named person. */
  answered: boolean;
  notes: { by: Side; kind: NoteKind }[];
  evidence: Side[];
}

const side = fc.constantFrom<Side>('HQ', 'RESPONSIBLE', 'COUNTERPART');
const caseSpec: fc.Arbitrary<CaseSpec> = fc.record({
  kind: fc.constantFrom<CaseKind>('URGE', 'COMPLAINT', 'PROBLEM_PARCEL', 'PROBLEM_PARCEL', 'HQ_INQUIRY', 'HUB_URGE'),
  responsible: fc.integer({ min: 0, max: 3 }),
  counterpartOffset: fc.integer({ min: 1, max: 3 }),
  waybill: fc.integer({ min: 0, max: 2 }),
  atHub: fc.boolean(),
  resolved: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  escalated: fc.boolean(),
  answered: fc.boolean(),
  notes: fc.array(fc.record({ by: side, kind: fc.constantFrom<NoteKind>('INTERNAL', 'INTERNAL', 'SHARED', 'REPLY', 'CUSTOMER_MESSAGE') }), { maxLength: 4 }),
  evidence: fc.array(side, { maxLength: 2 }),
});
const scenario = fc.record({ cases: fc.array(caseSpec, { minLength: 3, maxLength: 7 }), partner: fc.integer({ min: 0, max: 3 }) });

const OPEN = `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { outcome ticket { id responsibleOutlet { id } counterpartOutlet { id } } } }`;
const NOTE = `mutation ($input: CommentOnTicketInput!) { commentOnTicket(input: $input) { comment { id } } }`;
const REPLY = `mutation ($input: ReplyToCustomerInput!) { replyToCustomer(input: $input) { comment { id } } }`;
const MESSAGE = `mutation ($input: RecordCustomerMessageInput!) { recordCustomerMessage(input: $input) { comment { id } } }`;
const EVIDENCE = `mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { evidence { id } } }`;
const RESOLVE = `mutation ($input: ResolveTicketInput!) { resolveTicket(input: $input) { id status } }`;
const ESCALATE = `mutation ($input: EscalateTicketInput!) { escalateTicket(input: $input) { id } }`;
const ANSWER = `mutation ($input: AnswerProblemParcelInput!) { answerProblemParcel(input: $input) { id } }`;

const CHILDREN = `comments(first: 100) { edges { node { id body } } } evidence(first: 100) { edges { node { id fileName description } } }`;
const BY_ID = `query ($id: ID) { ticket(id: $id) { id description callerName callerPhone resolutionNote
  escalations { level contactName contactPhone } problemParcel { answeredBy answer } history(first: 100) { edges { node { field from to } } } ${CHILDREN} } }`;
const BY_NUMBER = `query ($number: String) { ticket(number: $number) { id ${CHILDREN} } }`;
const QUEUE = `query ($filter: TicketFilter) { tickets(filter: $filter, first: 100) { edges { node { id description problemParcel { answer } ${CHILDREN} } } } }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Ticket { id description ${CHILDREN} }
  ... on Outlet { id openTickets(first: 100) { edges { node { id ${CHILDREN} } } } slaStats { open } }
  ... on TransitCentre { id openTickets(first: 100) { edges { node { id } } } }
  ... on Waybill { waybillNo tickets { id callerName ${CHILDREN} } }
} }`;
const PREVIEW = `query ($id: ID!) { previewCannedReply(ticketId: $id, code: "OUT_FOR_DELIVERY") { text } }`;

/** Every change a partner could try on a ticket, with the ticket's true version (refused for visibility alone). */
const CHANGES: [string, string, (t: TicketTruth) => Record<string, unknown>][] = [
  ['changeTicketStatus', `mutation ($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id } }`, (t) => ({ ticketId: t.id, version: t.version, status: 'IN_PROGRESS', note: '越权' })],
  ['assignTicket', `mutation ($input: AssignTicketInput!) { assignTicket(input: $input) { id } }`, (t) => ({ ticketId: t.id, version: t.version, assignee: 'partner-intruder' })],
  ['setTicketPriority', `mutation ($input: SetTicketPriorityInput!) { setTicketPriority(input: $input) { id } }`, (t) => ({ ticketId: t.id, version: t.version, priority: 'URGENT' })],
  ['resolveTicket', `mutation ($input: ResolveTicketInput!) { resolveTicket(input: $input) { id } }`, (t) => ({ ticketId: t.id, version: t.version, resolutionCode: 'ANSWERED', note: '越权办结' })],
  ['reopenTicket', `mutation ($input: ReopenTicketInput!) { reopenTicket(input: $input) { id } }`, (t) => ({ ticketId: t.id, version: t.version, reason: '越权重开' })],
  ['commentOnTicket SHARED', NOTE, (t) => ({ ticketId: t.id, visibility: 'SHARED', body: '越权共享备注' })],
  ['commentOnTicket INTERNAL', NOTE, (t) => ({ ticketId: t.id, visibility: 'INTERNAL', body: '越权内部备注' })],
  ['replyToCustomer', REPLY, (t) => ({ ticketId: t.id, body: '越权回复' })],
  ['replyToCustomer canned', REPLY, (t) => ({ ticketId: t.id, cannedReplyCode: 'OUT_FOR_DELIVERY' })],
  ['recordCustomerMessage', MESSAGE, (t) => ({ ticketId: t.id, body: '越权来信' })],
  ['attachEvidence', EVIDENCE, (t) => ({ ticketId: t.id, kind: 'PHOTO', storageRef: 'oss://intruder/1.jpg' })],
  ['escalateTicket', ESCALATE, (t) => ({ ticketId: t.id, version: t.version, reason: '越权升级' })],
  ['answerProblemParcel', ANSWER, (t) => ({ ticketId: t.id, version: t.version, answeredBy: '张三', answer: '越权回复问题件' })],
  ['reportRecipientUnreachable', `mutation ($input: ReportRecipientUnreachableInput!) { reportRecipientUnreachable(input: $input) { id } }`, (t) => ({ ticketId: t.id, version: t.version })],
];
const MERGE = `mutation ($input: MergeTicketsInput!) { mergeTickets(input: $input) { source { id } target { id } } }`;
const OPEN_BY_PARTNER = `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { outcome ticket { id urgeCount callerName description } } }`;

/** A ticket as stored: the oracle's facts. */
interface TicketTruth {
  id: string;
  number: string;
  kind: string;
  status: string;
  version: number;
  waybillNo: string | null;
  responsibleOutletId: string | null;
  counterpartOutletId: string | null;
  transitCentreId: string | null;
}

interface CommentTruth {
  id: string;
  ticketId: string;
  visibility: string;
  authorOutletId: string | null;
}

const ids = (list: { id: string }[] | undefined | null) => (list ?? []).map((x) => x.id).sort();
const nodes = (connection: any): any[] => connection?.edges.map((e: any) => e.node) ?? [];

describe('partner isolation at the desk (只看本网点参与的工单), by property', () => {
  let h: TicketsHarness;
  let run = 0;
  // What the runs exercised: a generator that never made a hidden ticket or another side's note would prove nothing.
  const exercised = { hidden: 0, visible: 0, unreadableNotes: 0, readableInternal: 0, repeatUrges: 0, crossOutletMerges: 0, answers: 0, escalations: 0, evidence: 0, foreignWaybills: 0, repeatUrgesOnOwnWaybill: 0 };

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => NOW });
  });
  afterAll(() => h.stop());

  const ok = (res: GraphQLResponse, what: string) => {
    expect({ what, errors: res.errors }).toEqual({ what, errors: undefined });
    return res.data;
  };

  /** A fingerprint of every table of the tickets schema: a refused change must leave it as it was. */
  async function checksum(): Promise<Record<string, string>> {
    const tables = (await h.ds.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'tickets' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )) as { name: string }[];
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await h.ds.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM tickets."${name}" x`);
      sums[name] = `${row.n}:${row.sum}`;
    }
    return sums;
  }

  async function truthOf(ticketIds: string[]): Promise<{ tickets: TicketTruth[]; comments: CommentTruth[]; evidence: { id: string; ticketId: string }[] }> {
    const tickets = (await h.ds.query(
      `SELECT id::text, number, kind, status, version, waybill_no AS "waybillNo", responsible_outlet_id::text AS "responsibleOutletId",
              counterpart_outlet_id::text AS "counterpartOutletId", responsible_transit_centre_id::text AS "transitCentreId"
         FROM tickets.ticket WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ticketIds],
    )) as TicketTruth[];
    const comments = (await h.ds.query(
      `SELECT id::text, ticket_id::text AS "ticketId", visibility, author_outlet_id::text AS "authorOutletId" FROM tickets.ticket_comment WHERE ticket_id = ANY($1::uuid[])`,
      [ticketIds],
    )) as CommentTruth[];
    const evidence = (await h.ds.query(`SELECT id::text, ticket_id::text AS "ticketId" FROM tickets.ticket_evidence WHERE ticket_id = ANY($1::uuid[])`, [ticketIds])) as {
      id: string;
      ticketId: string;
    }[];
    return { tickets, comments, evidence };
  }

  /** Opens the run's cases as HQ and writes their notes, evidence and resolutions; returns the tickets and each one's personal-data markers. */
  async function build(cases: CaseSpec[], outlets: string[], hub: string, waybills: string[]) {
    const markers = new Map<string, string[]>();
    const commentMarkers = new Map<string, string>();
    const mark = (ticketId: string, marker: string) => markers.set(ticketId, [...(markers.get(ticketId) ?? []), marker]);
    // Each outlet's escalation chain names its own staff (shown with the ticket's steps, owned by its parties).
    for (const [i, outlet] of outlets.entries()) {
      h.chains.set(outlet, { ARRIVAL_CS: { name: `到件客服${i}`, phone: '13900000001' }, OUTLET_MANAGER: { name: `经理${i}`, phone: `1390000${String(run * 10 + i).padStart(4, '0')}` } });
    }
    for (const [i, c] of cases.entries()) {
      const tag = `${run}.${i}`;
      const responsible = outlets[c.responsible];
      const base = {
        title: `工单 ${tag}`,
        channel: 'PHONE',
        description: `客户反映情况 ⟦d${tag}⟧`,
        callerName: `王⟦n${tag}⟧`,
        callerPhone: `139${String(run * 100 + i).padStart(8, '0')}`,
        callerRole: 'RECIPIENT',
        responsibleTransitCentreId: c.atHub ? hub : null,
      };
      const input: Record<string, unknown> = {
        URGE: { ...base, kind: 'URGE', reason: 'NO_SCAN_UPDATE', waybillNo: waybills[c.waybill], responsibleOutletId: responsible },
        COMPLAINT: { ...base, kind: 'COMPLAINT', reason: 'DELAY', waybillNo: waybills[c.waybill], responsibleOutletId: responsible },
        PROBLEM_PARCEL: {
          ...base, kind: 'PROBLEM_PARCEL', reason: 'ADDRESS_UNCLEAR', channel: 'OUTLET', waybillNo: waybills[c.waybill],
          responsibleOutletId: responsible, counterpartOutletId: outlets[(c.responsible + c.counterpartOffset) % 4],
        },
        HQ_INQUIRY: { ...base, kind: 'INQUIRY', reason: 'PRICE_QUERY', responsibleTransitCentreId: null },
        HUB_URGE: { ...base, kind: 'URGE', reason: 'NO_SCAN_UPDATE', waybillNo: waybills[c.waybill], responsibleTransitCentreId: hub },
      }[c.kind] as Record<string, unknown>;
      const opened = ok(await h.gql(as.agent(), OPEN, { input }), `open ${c.kind}`).openTicket;
      const ticket = opened.ticket;
      if (opened.outcome === 'OPENED') {
        // The store holds the parties asked for (the oracle below reads them from there).
        expect([ticket.responsibleOutlet?.id ?? null, ticket.counterpartOutlet?.id ?? null]).toEqual([
          input.responsibleOutletId ?? null,
          input.counterpartOutletId ?? null,
        ]);
      }
      mark(ticket.id, `⟦d${tag}⟧`);
      mark(ticket.id, `⟦n${tag}⟧`);
      mark(ticket.id, base.callerPhone);
      const party = (by: Side): Identity => {
        const outlet = by === 'RESPONSIBLE' ? ticket.responsibleOutlet?.id : by === 'COUNTERPART' ? ticket.counterpartOutlet?.id : null;
        return outlet ? as.partner(outlet) : as.agent();
      };
      for (const [j, note] of c.notes.entries()) {
        const body = `备注 ⟦c${tag}.${j}⟧`;
        const who = party(note.by);
        const res =
          note.kind === 'REPLY'
            ? ok(await h.gql(who, REPLY, { input: { ticketId: ticket.id, body } }), 'reply').replyToCustomer
            : note.kind === 'CUSTOMER_MESSAGE'
              ? ok(await h.gql(who, MESSAGE, { input: { ticketId: ticket.id, body } }), 'message').recordCustomerMessage
              : ok(await h.gql(who, NOTE, { input: { ticketId: ticket.id, visibility: note.kind, body } }), 'note').commentOnTicket;
        expect(res?.comment.id).toBeDefined();
        commentMarkers.set(res.comment.id, `⟦c${tag}.${j}⟧`);
      }
      for (const [k, by] of c.evidence.entries()) {
        const input = { ticketId: ticket.id, kind: 'PHOTO', storageRef: `oss://evidence/${tag}/${k}.jpg`, fileName: `⟦f${tag}.${k}⟧.jpg`, description: `照片 ⟦e${tag}.${k}⟧` };
        ok(await h.gql(party(by), EVIDENCE, { input }), 'evidence');
        mark(ticket.id, `⟦f${tag}.${k}⟧`);
        mark(ticket.id, `⟦e${tag}.${k}⟧`);
      }
      const current = async () => (await h.ds.query(`SELECT version, status FROM tickets.ticket WHERE id = $1`, [ticket.id]))[0] as { version: number; status: string };
      if (c.answered && ticket.counterpartOutlet && !CLOSED_STATUSES.includes((await current()).status)) {
        const input = { ticketId: ticket.id, version: (await current()).version, answeredBy: `李⟦b${tag}⟧`, answer: `已联系寄件人 ⟦a${tag}⟧` };
        ok(await h.gql(as.partner(ticket.counterpartOutlet.id), ANSWER, { input }), 'answer');
        exercised.answers++;
        mark(ticket.id, `⟦b${tag}⟧`);
        mark(ticket.id, `⟦a${tag}⟧`);
      }
      if (c.escalated && !CLOSED_STATUSES.includes((await current()).status)) {
        const res = await h.gql(as.agent(), ESCALATE, { input: { ticketId: ticket.id, version: (await current()).version, reason: '网点未回复' } });
        // A case already at the top of its chain (a repeat urge escalated before) stays there.
        if (firstError(res)?.reason !== 'ESCALATION_AT_TOP') ok(res, 'escalate');
        exercised.escalations++;
      }
      if (c.resolved) {
        const [{ version, status }] = await h.ds.query(`SELECT version, status FROM tickets.ticket WHERE id = $1`, [ticket.id]);
        if (!CLOSED_STATUSES.includes(status)) {
          ok(await h.gql(as.agent(), RESOLVE, { input: { ticketId: ticket.id, version, resolutionCode: 'ANSWERED', note: `已处理 ⟦r${tag}⟧` } }), 'resolve');
          mark(ticket.id, `⟦r${tag}⟧`);
        }
      }
    }
    return { ticketIds: [...markers.keys()], markers, commentMarkers };
  }

  it('a partner reaches exactly the tickets its outlet is party to, by every path, and changes nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ cases, partner }) => {
        run++;
        const outlets = [0, 1, 2, 3].map(() => randomUUID());
        const hub = randomUUID();
        const waybills = [0, 1, 2].map((i) => {
          const waybillNo = aWaybillNo();
          h.waybills.add({ waybillNo, originOutletId: outlets[i], destinationOutletId: outlets[(i + 1) % 4], courierName: '王师傅', courierPhone: '13800138000' });
          return waybillNo;
        });
        const built = await build(cases, outlets, hub, waybills);
        const { tickets, comments, evidence } = await truthOf(built.ticketIds);
        const P = outlets[partner];
        const me = as.partner(P);
        const partyOf = (t: TicketTruth, outlet: string) => t.responsibleOutletId === outlet || t.counterpartOutletId === outlet;
        const visible = tickets.filter((t) => partyOf(t, P));
        const hidden = tickets.filter((t) => !partyOf(t, P));
        const isOpen = (t: TicketTruth) => !CLOSED_STATUSES.includes(t.status);
        exercised.hidden += hidden.length;
        exercised.visible += visible.length;
        exercised.evidence += evidence.filter((e) => visible.some((t) => t.id === e.ticketId)).length;
        const expectIds = (found: { id: string }[] | undefined | null, expected: TicketTruth[], path: string) =>
          expect({ path, ids: ids(found) }).toEqual({ path, ids: ids(expected) });
        // INTERNAL notes stay on their side: the partner reads its own outlet's, never HQ's or the other outlet's.
        const readable = (ticketId: string) => comments.filter((c) => c.ticketId === ticketId && (c.visibility !== 'INTERNAL' || c.authorOutletId === P));
        for (const t of visible) {
          exercised.readableInternal += readable(t.id).filter((c) => c.visibility === 'INTERNAL').length;
          exercised.unreadableNotes += comments.filter((c) => c.ticketId === t.id).length - readable(t.id).length;
        }
        const checkChildren = (node: any, path: string) => {
          expect({ path, comments: ids(nodes(node.comments)) }).toEqual({ path, comments: ids(readable(node.id)) });
          if (node.evidence) expect({ path, evidence: ids(nodes(node.evidence)) }).toEqual({ path, evidence: ids(evidence.filter((e) => e.ticketId === node.id)) });
        };
        const responses: GraphQLResponse[] = [];
        const read = async (query: string, variables: Record<string, unknown>) => {
          const res = await h.gql(me, query, variables);
          responses.push(res);
          return res;
        };

        // ticket(id), ticket(number), previewCannedReply: the ticket, or NOT_FOUND as if it did not exist.
        await Promise.all(
          tickets.map(async (t) => {
            const byId = await read(BY_ID, { id: t.id });
            const byNumber = await read(BY_NUMBER, { number: t.number });
            const preview = await read(PREVIEW, { id: t.id });
            if (partyOf(t, P)) {
              expect(byId.errors).toBeUndefined();
              expect(byId.data.ticket.id).toBe(t.id);
              checkChildren(byId.data.ticket, `ticket(id) ${t.kind}`);
              expect(byNumber.data.ticket.id).toBe(t.id);
              checkChildren(byNumber.data.ticket, `ticket(number) ${t.kind}`);
              expect(preview.errors).toBeUndefined();
            } else {
              for (const [path, res] of [['ticket(id)', byId], ['ticket(number)', byNumber], ['previewCannedReply', preview]] as const) {
                expect({ path, kind: t.kind, data: res.data, error: firstError(res) }).toEqual({ path, kind: t.kind, data: null, error: { code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' } });
              }
            }
          }),
        );

        // The queue, with and without filters — another outlet's id included: only the partner's own cases.
        const queues: [string, Record<string, unknown> | null, (t: TicketTruth) => boolean][] = [
          ['no filter (open statuses)', null, isOpen],
          ['every status', { status: ALL_STATUSES }, () => true],
          ['problem parcels', { status: ALL_STATUSES, kind: ['PROBLEM_PARCEL'] }, (t) => t.kind === 'PROBLEM_PARCEL'],
          ['the hub', { status: ALL_STATUSES, transitCentreId: hub }, (t) => t.transitCentreId === hub],
          ...outlets.map((o, i): [string, Record<string, unknown>, (t: TicketTruth) => boolean] => [`outletId ${i}`, { status: ALL_STATUSES, outletId: o }, (t) => partyOf(t, o)]),
          ...waybills.map((no, i): [string, Record<string, unknown>, (t: TicketTruth) => boolean] => [`waybillNo ${i}`, { status: ALL_STATUSES, waybillNo: no }, (t) => t.waybillNo === no]),
        ];
        await Promise.all(
          queues.map(async ([name, filter, keep]) => {
            const res = await read(QUEUE, { filter });
            const found = nodes(ok(res, `queue ${name}`).tickets);
            expectIds(found, visible.filter(keep), `tickets(${name})`);
            for (const node of found) checkChildren(node, `tickets(${name})`);
          }),
        );

        // _entities: Ticket (null when not a party), Outlet.openTickets / slaStats, TransitCentre.openTickets, Waybill.tickets.
        const reps = [
          ...tickets.map((t) => ({ __typename: 'Ticket', id: t.id })),
          { __typename: 'Ticket', id: randomUUID() },
          ...outlets.map((id) => ({ __typename: 'Outlet', id })),
          { __typename: 'TransitCentre', id: hub },
          ...waybills.map((waybillNo) => ({ __typename: 'Waybill', waybillNo })),
        ];
        const entities = ok(await read(ENTITIES, { reps }), '_entities')._entities as any[];
        tickets.forEach((t, i) => {
          const entity = entities[i];
          if (partyOf(t, P)) {
            expect(entity?.id).toBe(t.id);
            checkChildren(entity, `_entities Ticket ${t.kind}`);
          } else {
            expect({ path: `_entities Ticket ${t.kind}`, entity }).toEqual({ path: `_entities Ticket ${t.kind}`, entity: null });
          }
        });
        expect(entities[tickets.length]).toBeNull();
        outlets.forEach((o, i) => {
          const outlet = entities[tickets.length + 1 + i];
          const open = nodes(outlet.openTickets);
          expectIds(open, visible.filter((t) => isOpen(t) && partyOf(t, o)), `Outlet ${i}.openTickets`);
          for (const node of open) checkChildren(node, `Outlet ${i}.openTickets`);
          // The partner's own figures only; another outlet's are null, not a count of tickets it may not see.
          expect({ outlet: i, slaStats: outlet.slaStats }).toEqual({ outlet: i, slaStats: o === P ? { open: visible.filter(isOpen).length } : null });
        });
        const centre = entities[tickets.length + 1 + outlets.length];
        expectIds(nodes(centre.openTickets), visible.filter((t) => isOpen(t) && t.transitCentreId === hub), 'TransitCentre.openTickets');
        waybills.forEach((no, i) => {
          const waybill = entities[tickets.length + 2 + outlets.length + i];
          expectIds(waybill.tickets, visible.filter((t) => t.waybillNo === no), `Waybill ${i}.tickets`);
          for (const node of waybill.tickets) checkChildren(node, `Waybill ${i}.tickets`);
        });

        // No response carries a hidden ticket's personal data or a note the partner may not read.
        const text = JSON.stringify(responses);
        const forbidden = [
          ...hidden.flatMap((t) => built.markers.get(t.id) ?? []),
          ...comments.filter((c) => !readable(c.ticketId).includes(c) || hidden.some((t) => t.id === c.ticketId)).map((c) => built.commentMarkers.get(c.id) as string),
        ];
        expect(forbidden.filter((marker) => text.includes(marker))).toEqual([]);

        // Every change to a ticket it is not party to: NOT_FOUND, and nothing written anywhere.
        const before = await checksum();
        const attempts: Promise<[string, GraphQLResponse, { code: string; reason: string }]>[] = [];
        const notFound = { code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' };
        const attempt = (what: string, query: string, input: Record<string, unknown>, expected: { code: string; reason: string }) =>
          attempts.push(h.gql(me, query, { input }).then((res) => [what, res, expected]));
        for (const t of hidden) {
          for (const [name, query, input] of CHANGES) attempt(`${name} ${t.kind}`, query, input(t), notFound);
          for (const other of [...visible, ...hidden.filter((x) => x.id !== t.id)].slice(0, 3)) {
            attempt(`merge hidden→${partyOf(other, P) ? 'own' : 'hidden'}`, MERGE, { sourceTicketId: t.id, sourceVersion: t.version, targetTicketId: other.id, targetVersion: other.version }, notFound);
            attempt(`merge ${partyOf(other, P) ? 'own' : 'hidden'}→hidden`, MERGE, { sourceTicketId: other.id, sourceVersion: other.version, targetTicketId: t.id, targetVersion: t.version }, notFound);
          }
          // A repeat urge through the partner is never counted on (nor answered with) another outlet's open urge.
          if (t.kind === 'URGE' && isOpen(t) && t.waybillNo) {
            const input = { kind: 'URGE', reason: 'NO_SCAN_UPDATE', channel: 'PHONE', title: '催件', waybillNo: t.waybillNo, responsibleOutletId: P };
            // On a waybill it sees (its origin or destination) the urge is refused as another outlet's; on any other the waybill does not exist for it.
            const i = waybills.indexOf(t.waybillNo);
            const seesWaybill = outlets[i] === P || outlets[(i + 1) % 4] === P;
            const expected = seesWaybill ? { code: 'FORBIDDEN', reason: 'OUTLET_NOT_PARTY' } : { code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' };
            attempt('openTicket: a repeat urge on another outlet’s open urge', OPEN_BY_PARTNER, input, expected);
            if (seesWaybill) exercised.repeatUrgesOnOwnWaybill++;
            exercised.repeatUrges++;
          }
        }
        // Nor does naming itself responsible open a ticket on a waybill it does not see (its window on that waybill's courier and scans).
        for (const [i, no] of waybills.entries()) {
          if (outlets[i] === P || outlets[(i + 1) % 4] === P) continue;
          const input = { kind: 'COMPLAINT', reason: 'DELAY', channel: 'OUTLET', title: '投诉', waybillNo: no, responsibleOutletId: P };
          attempt(`openTicket on another outlet’s waybill ${i}`, OPEN_BY_PARTNER, input, { code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
          exercised.foreignWaybills++;
        }
        // Merging cases of different outlets is headquarters' decision (access.ts rule 5).
        const parties = (t: TicketTruth) => [t.responsibleOutletId, t.counterpartOutletId].filter(Boolean).sort().join();
        for (const a of visible.filter(isOpen)) {
          for (const b of visible.filter((x) => isOpen(x) && x.id !== a.id && parties(x) !== parties(a))) {
            exercised.crossOutletMerges++;
            attempt('merge own cases of different outlets', MERGE, { sourceTicketId: a.id, sourceVersion: a.version, targetTicketId: b.id, targetVersion: b.version }, { code: 'FORBIDDEN', reason: 'HQ_ONLY' });
          }
        }
        for (const [what, res, expected] of await Promise.all(attempts)) {
          expect({ what, data: res.data, error: firstError(res) }).toEqual({ what, data: null, error: expected });
        }
        expect(await checksum()).toEqual(before);

        // And the partner's own open case takes its change (the refusals above were about the rows, not the caller).
        const own = visible.find(isOpen);
        if (own) {
          const res = await h.gql(me, NOTE, { input: { ticketId: own.id, visibility: 'SHARED', body: '本网点已跟进' } });
          expect(res.errors).toBeUndefined();
          expect(res.data.commentOnTicket.comment.id).toBeDefined();
        }
        // It opens a case on a waybill it holds now (mis-sorted to it), though neither its origin nor its destination.
        const held = aWaybillNo();
        h.waybills.add({ waybillNo: held, originOutletId: outlets[(partner + 1) % 4], destinationOutletId: outlets[(partner + 2) % 4], holderOutletId: P });
        const opened = await h.gql(me, OPEN, { input: { kind: 'PROBLEM_PARCEL', reason: 'ADDRESS_UNCLEAR', channel: 'OUTLET', title: '错分件', waybillNo: held, counterpartOutletId: outlets[(partner + 2) % 4] } });
        expect(opened.errors).toBeUndefined();
        expect(opened.data.openTicket.ticket.responsibleOutlet).toEqual({ id: P });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    for (const [what, count] of Object.entries(exercised)) expect({ what, exercised: count > 0 }).toEqual({ what, exercised: true });
  }, 120_000);
});
