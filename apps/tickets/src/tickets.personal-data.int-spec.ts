import { type RecordOwner, disclose, maskDatum, type PersonSubject } from '@courierdesk/domain-network';
import { personalDataViewer, Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { auditPersonalData, personalDataFields, type PersonalDataField } from '@courierdesk/platform-subgraph';
import { testIdentity } from '@courierdesk/testing';
import { NOT_PERSONAL_DATA } from './common/not-personal-data';
import { buildTicketsSchema } from './schema';
import { aWaybillNo, anOutletId } from './testing/builders';
import { as } from './testing/identities';
import { startTicketsHarness, type TicketsHarness } from './testing/tickets.harness';

// The schema walk (docs/personal-data.md) for the desk: every field that carries a person's datum
// — the caller's name and phone, what was reported, how it ended, comment bodies, evidence names
// and descriptions, a canned reply filled from the waybill, a problem parcel's answer and who gave
// it, the staff to call at an escalation step — is declared, and reached here by real
// queries on real rows, for every kind of caller, by every path that leads to it (ticket by id and
// number, the queue, `_entities` of Ticket, Outlet, TransitCentre and Waybill, comments, evidence);
// the value must be what the one policy decides, and absent where the row rule hides the ticket.
// A new personal field fails `has a probe for every declared field` until it gets probes here.

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China
const [A, B, C, H] = [anOutletId(), anOutletId(), anOutletId(), anOutletId()];
// Both tickets are problem parcels (问题件) registered by A with B: the parties, who own the customer's data.
const PARTIES = [A, B];
const OWNER = { outletIds: PARTIES };
// An escalation contact is the responsible outlet's person (A's manager here), not the case's: the
// other outlet (B) reads it masked, as the network's directory shows another outlet's staff.
const OWNER_OF: Readonly<Record<string, RecordOwner>> = {
  'TicketEscalation.contactName': { outletIds: [A] },
  'TicketEscalation.contactPhone': { outletIds: [A] },
};
const RAW = {
  description: '收件人说放门卫处，门卫电话 138-0000-1111',
  callerName: '欧阳娜娜',
  callerPhone: '13812341234',
  resolutionNote: '已联系收件人 13812341234，改约明天派送',
  sharedNote: '请B网点联系寄件人，寄件人电话13900002222',
  customerMessage: '我的电话是 13700003333，请尽快派送',
  fileName: '欧阳娜娜_13812341234.jpg',
  evidenceDescription: '门卫签收照片，门卫电话 0755-26543210',
  answeredBy: '欧阳明',
  answer: '已联系寄件人 135-1234-5678 补全地址',
  contactName: '李经理',
  contactPhone: '13900000002',
  escalationReason: '网点处理慢，客户电话13811112222多次催促',
};
const preview = (waybillNo: string) => `您好，您的快递${waybillNo}正在派送中，派送员王师傅，联系电话13800138000，请保持电话畅通，注意接听。`;

type Ids = Record<'open' | 'openNumber' | 'resolved' | 'waybillNo' | 'sharedNote' | 'customerMessage' | 'evidence', string>;

interface Probe {
  path: string;
  query: string;
  variables: (ids: Ids) => Record<string, unknown>;
  /** The value, or undefined where the response holds no such ticket. */
  pick: (data: any, ids: Ids) => unknown;
  raw: (ids: Ids) => string;
}

const node = (connection: any, id: string) => connection?.edges.find((e: any) => e.node.id === id)?.node;
const TICKET = (fields: string) => `query ($id: ID, $number: String) { ticket(id: $id, number: $number) { id ${fields} } }`;
const QUEUE = (fields: string) => `query ($filter: TicketFilter) { tickets(filter: $filter, first: 100) { edges { node { id ${fields} } } } }`;
const ENTITIES = (fragment: string) => `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const byId = (key: 'open' | 'resolved') => (i: Ids) => ({ id: i[key] });
const ticketRef = (key: 'open' | 'resolved') => (i: Ids) => ({ reps: [{ __typename: 'Ticket', id: i[key] }] });
const outletRef = (id: string) => () => ({ reps: [{ __typename: 'Outlet', id }] });
const centreRef = () => ({ reps: [{ __typename: 'TransitCentre', id: H }] });
const waybillRef = (i: Ids) => ({ reps: [{ __typename: 'Waybill', waybillNo: i.waybillNo }] });
const inWaybill = (d: any, id: string) => d._entities[0]?.tickets?.find((t: any) => t.id === id);
const raw = (value: string) => () => value;
const COMMENTS = 'comments(first: 100) { edges { node { id body } } }';
// The audit trail shows a changed field's values by the same policy as the field itself.
const HISTORY = 'history(first: 100) { edges { node { field from to } } }';
const changed = (history: any, field: string) => history?.edges.find((e: any) => e.node.field === field)?.node.to;
const STEPS = 'escalations { level contactName contactPhone reason }';
const ORDER = 'problemParcel { answeredBy answer }';
const step = (steps: any[] | undefined) => steps?.find((s) => s.level === 'OUTLET_MANAGER');
const EVIDENCE = (field: string) => `evidence(first: 100) { edges { node { id ${field} } } }`;

const PROBES: Record<string, Probe[]> = {
  'Ticket.description': [
    { path: 'ticket(id)', query: TICKET('description'), variables: byId('open'), pick: (d) => d.ticket?.description, raw: raw(RAW.description) },
    { path: 'ticket(number)', query: TICKET('description'), variables: (i) => ({ number: i.openNumber }), pick: (d) => d.ticket?.description, raw: raw(RAW.description) },
    { path: 'tickets(outletId: A)', query: QUEUE('description'), variables: () => ({ filter: { outletId: A } }), pick: (d, i) => node(d.tickets, i.open)?.description, raw: raw(RAW.description) },
    { path: '_entities Ticket', query: ENTITIES('... on Ticket { description }'), variables: ticketRef('open'), pick: (d) => d._entities[0]?.description, raw: raw(RAW.description) },
    { path: 'Outlet(B).openTickets', query: ENTITIES('... on Outlet { openTickets(first: 100) { edges { node { id description } } } }'), variables: outletRef(B), pick: (d, i) => node(d._entities[0].openTickets, i.open)?.description, raw: raw(RAW.description) },
    { path: 'TransitCentre.openTickets', query: ENTITIES('... on TransitCentre { openTickets(first: 100) { edges { node { id description } } } }'), variables: centreRef, pick: (d, i) => node(d._entities[0].openTickets, i.open)?.description, raw: raw(RAW.description) },
    { path: 'Waybill.tickets', query: ENTITIES('... on Waybill { tickets { id description } }'), variables: waybillRef, pick: (d, i) => inWaybill(d, i.open)?.description, raw: raw(RAW.description) },
  ],
  'Ticket.callerName': [
    { path: 'ticket(id)', query: TICKET('callerName'), variables: byId('open'), pick: (d) => d.ticket?.callerName, raw: raw(RAW.callerName) },
    { path: 'tickets', query: QUEUE('callerName'), variables: () => ({ filter: null }), pick: (d, i) => node(d.tickets, i.open)?.callerName, raw: raw(RAW.callerName) },
    { path: '_entities Ticket', query: ENTITIES('... on Ticket { callerName }'), variables: ticketRef('open'), pick: (d) => d._entities[0]?.callerName, raw: raw(RAW.callerName) },
    { path: 'Outlet(A).openTickets', query: ENTITIES('... on Outlet { openTickets(first: 100) { edges { node { id callerName } } } }'), variables: outletRef(A), pick: (d, i) => node(d._entities[0].openTickets, i.open)?.callerName, raw: raw(RAW.callerName) },
    { path: 'Waybill.tickets', query: ENTITIES('... on Waybill { tickets { id callerName } }'), variables: waybillRef, pick: (d, i) => inWaybill(d, i.resolved)?.callerName, raw: raw(RAW.callerName) },
  ],
  'Ticket.callerPhone': [
    { path: 'ticket(number)', query: TICKET('callerPhone'), variables: (i) => ({ number: i.openNumber }), pick: (d) => d.ticket?.callerPhone, raw: raw(RAW.callerPhone) },
    { path: 'tickets(kind)', query: QUEUE('callerPhone'), variables: () => ({ filter: { kind: ['PROBLEM_PARCEL'] } }), pick: (d, i) => node(d.tickets, i.open)?.callerPhone, raw: raw(RAW.callerPhone) },
    { path: '_entities Ticket', query: ENTITIES('... on Ticket { callerPhone }'), variables: ticketRef('resolved'), pick: (d) => d._entities[0]?.callerPhone, raw: raw(RAW.callerPhone) },
    { path: 'Outlet(B).openTickets', query: ENTITIES('... on Outlet { openTickets(first: 100) { edges { node { id callerPhone } } } }'), variables: outletRef(B), pick: (d, i) => node(d._entities[0].openTickets, i.open)?.callerPhone, raw: raw(RAW.callerPhone) },
    { path: 'Waybill.tickets', query: ENTITIES('... on Waybill { tickets { id callerPhone } }'), variables: waybillRef, pick: (d, i) => inWaybill(d, i.open)?.callerPhone, raw: raw(RAW.callerPhone) },
  ],
  'Ticket.resolutionNote': [
    { path: 'ticket(id)', query: TICKET('resolutionNote'), variables: byId('resolved'), pick: (d) => d.ticket?.resolutionNote, raw: raw(RAW.resolutionNote) },
    { path: 'tickets(status: RESOLVED)', query: QUEUE('resolutionNote'), variables: () => ({ filter: { status: ['RESOLVED'] } }), pick: (d, i) => node(d.tickets, i.resolved)?.resolutionNote, raw: raw(RAW.resolutionNote) },
    { path: '_entities Ticket', query: ENTITIES('... on Ticket { resolutionNote }'), variables: ticketRef('resolved'), pick: (d) => d._entities[0]?.resolutionNote, raw: raw(RAW.resolutionNote) },
    { path: 'Waybill.tickets', query: ENTITIES('... on Waybill { tickets { id resolutionNote } }'), variables: waybillRef, pick: (d, i) => inWaybill(d, i.resolved)?.resolutionNote, raw: raw(RAW.resolutionNote) },
    { path: 'ticket(id) → history', query: TICKET(HISTORY), variables: byId('resolved'), pick: (d) => changed(d.ticket?.history, 'resolutionNote'), raw: raw(RAW.resolutionNote) },
    { path: 'Waybill.tickets → history', query: ENTITIES(`... on Waybill { tickets { id ${HISTORY} } }`), variables: waybillRef, pick: (d, i) => changed(inWaybill(d, i.resolved)?.history, 'resolutionNote'), raw: raw(RAW.resolutionNote) },
  ],
  'TicketComment.body': [
    { path: 'ticket(id) → comments (shared note)', query: TICKET(COMMENTS), variables: byId('open'), pick: (d, i) => node(d.ticket?.comments, i.sharedNote)?.body, raw: raw(RAW.sharedNote) },
    { path: 'ticket(id) → comments (customer message)', query: TICKET(COMMENTS), variables: byId('open'), pick: (d, i) => node(d.ticket?.comments, i.customerMessage)?.body, raw: raw(RAW.customerMessage) },
    { path: 'tickets → comments', query: QUEUE(COMMENTS), variables: () => ({ filter: { outletId: B } }), pick: (d, i) => node(node(d.tickets, i.open)?.comments, i.sharedNote)?.body, raw: raw(RAW.sharedNote) },
    { path: '_entities Ticket → comments', query: ENTITIES(`... on Ticket { ${COMMENTS} }`), variables: ticketRef('open'), pick: (d, i) => node(d._entities[0]?.comments, i.customerMessage)?.body, raw: raw(RAW.customerMessage) },
    { path: 'Outlet(A).openTickets → comments', query: ENTITIES(`... on Outlet { openTickets(first: 100) { edges { node { id ${COMMENTS} } } } }`), variables: outletRef(A), pick: (d, i) => node(node(d._entities[0].openTickets, i.open)?.comments, i.sharedNote)?.body, raw: raw(RAW.sharedNote) },
    { path: 'Waybill.tickets → comments', query: ENTITIES(`... on Waybill { tickets { id ${COMMENTS} } }`), variables: waybillRef, pick: (d, i) => node(inWaybill(d, i.open)?.comments, i.sharedNote)?.body, raw: raw(RAW.sharedNote) },
  ],
  'TicketEvidence.fileName': [
    { path: 'ticket(id) → evidence', query: TICKET(EVIDENCE('fileName')), variables: byId('open'), pick: (d, i) => node(d.ticket?.evidence, i.evidence)?.fileName, raw: raw(RAW.fileName) },
    { path: '_entities Ticket → evidence', query: ENTITIES(`... on Ticket { ${EVIDENCE('fileName')} }`), variables: ticketRef('open'), pick: (d, i) => node(d._entities[0]?.evidence, i.evidence)?.fileName, raw: raw(RAW.fileName) },
    { path: 'Outlet(B).openTickets → evidence', query: ENTITIES(`... on Outlet { openTickets(first: 100) { edges { node { id ${EVIDENCE('fileName')} } } } }`), variables: outletRef(B), pick: (d, i) => node(node(d._entities[0].openTickets, i.open)?.evidence, i.evidence)?.fileName, raw: raw(RAW.fileName) },
    { path: 'Waybill.tickets → evidence', query: ENTITIES(`... on Waybill { tickets { id ${EVIDENCE('fileName')} } }`), variables: waybillRef, pick: (d, i) => node(inWaybill(d, i.open)?.evidence, i.evidence)?.fileName, raw: raw(RAW.fileName) },
  ],
  'TicketEvidence.description': [
    { path: 'ticket(number) → evidence', query: TICKET(EVIDENCE('description')), variables: (i) => ({ number: i.openNumber }), pick: (d, i) => node(d.ticket?.evidence, i.evidence)?.description, raw: raw(RAW.evidenceDescription) },
    { path: 'tickets → evidence', query: QUEUE(EVIDENCE('description')), variables: () => ({ filter: { transitCentreId: H } }), pick: (d, i) => node(node(d.tickets, i.open)?.evidence, i.evidence)?.description, raw: raw(RAW.evidenceDescription) },
    { path: 'Waybill.tickets → evidence', query: ENTITIES(`... on Waybill { tickets { id ${EVIDENCE('description')} } }`), variables: waybillRef, pick: (d, i) => node(inWaybill(d, i.open)?.evidence, i.evidence)?.description, raw: raw(RAW.evidenceDescription) },
  ],
  'TicketEscalation.contactName': [
    { path: 'ticket(id) → escalations', query: TICKET(STEPS), variables: byId('open'), pick: (d) => step(d.ticket?.escalations)?.contactName, raw: raw(RAW.contactName) },
    { path: '_entities Ticket → escalations', query: ENTITIES(`... on Ticket { ${STEPS} }`), variables: ticketRef('open'), pick: (d) => step(d._entities[0]?.escalations)?.contactName, raw: raw(RAW.contactName) },
    { path: 'Outlet(B).openTickets → escalations', query: ENTITIES(`... on Outlet { openTickets(first: 100) { edges { node { id ${STEPS} } } } }`), variables: outletRef(B), pick: (d, i) => step(node(d._entities[0].openTickets, i.open)?.escalations)?.contactName, raw: raw(RAW.contactName) },
    { path: 'Waybill.tickets → escalations', query: ENTITIES(`... on Waybill { tickets { id ${STEPS} } }`), variables: waybillRef, pick: (d, i) => step(inWaybill(d, i.open)?.escalations)?.contactName, raw: raw(RAW.contactName) },
  ],
  'TicketEscalation.contactPhone': [
    { path: 'ticket(number) → escalations', query: TICKET(STEPS), variables: (i) => ({ number: i.openNumber }), pick: (d) => step(d.ticket?.escalations)?.contactPhone, raw: raw(RAW.contactPhone) },
    { path: 'tickets → escalations', query: QUEUE(STEPS), variables: () => ({ filter: { status: ['ESCALATED'] } }), pick: (d, i) => step(node(d.tickets, i.open)?.escalations)?.contactPhone, raw: raw(RAW.contactPhone) },
    { path: 'TransitCentre.openTickets → escalations', query: ENTITIES(`... on TransitCentre { openTickets(first: 100) { edges { node { id ${STEPS} } } } }`), variables: centreRef, pick: (d, i) => step(node(d._entities[0].openTickets, i.open)?.escalations)?.contactPhone, raw: raw(RAW.contactPhone) },
  ],
  'TicketEscalation.reason': [
    { path: 'ticket(id) → escalations', query: TICKET(STEPS), variables: byId('open'), pick: (d) => step(d.ticket?.escalations)?.reason, raw: raw(RAW.escalationReason) },
    { path: 'Outlet(B).openTickets → escalations', query: ENTITIES(`... on Outlet { openTickets(first: 100) { edges { node { id ${STEPS} } } } }`), variables: outletRef(B), pick: (d, i) => step(node(d._entities[0].openTickets, i.open)?.escalations)?.reason, raw: raw(RAW.escalationReason) },
  ],
  'ProblemParcelOrder.answeredBy': [
    { path: 'ticket(id) → problemParcel', query: TICKET(ORDER), variables: byId('open'), pick: (d) => d.ticket?.problemParcel.answeredBy, raw: raw(RAW.answeredBy) },
    { path: 'tickets → problemParcel', query: QUEUE(ORDER), variables: () => ({ filter: { kind: ['PROBLEM_PARCEL'] } }), pick: (d, i) => node(d.tickets, i.open)?.problemParcel.answeredBy, raw: raw(RAW.answeredBy) },
    { path: '_entities Ticket → problemParcel', query: ENTITIES(`... on Ticket { ${ORDER} }`), variables: ticketRef('open'), pick: (d) => d._entities[0]?.problemParcel.answeredBy, raw: raw(RAW.answeredBy) },
    { path: 'Waybill.tickets → problemParcel', query: ENTITIES(`... on Waybill { tickets { id ${ORDER} } }`), variables: waybillRef, pick: (d, i) => inWaybill(d, i.open)?.problemParcel.answeredBy, raw: raw(RAW.answeredBy) },
    { path: 'ticket(id) → history', query: TICKET(HISTORY), variables: byId('open'), pick: (d) => changed(d.ticket?.history, 'problemAnsweredBy'), raw: raw(RAW.answeredBy) },
  ],
  'ProblemParcelOrder.answer': [
    { path: 'ticket(number) → problemParcel', query: TICKET(ORDER), variables: (i) => ({ number: i.openNumber }), pick: (d) => d.ticket?.problemParcel.answer, raw: raw(RAW.answer) },
    { path: '_entities Ticket → problemParcel', query: ENTITIES(`... on Ticket { ${ORDER} }`), variables: ticketRef('open'), pick: (d) => d._entities[0]?.problemParcel.answer, raw: raw(RAW.answer) },
    { path: 'Outlet(A).openTickets → problemParcel', query: ENTITIES(`... on Outlet { openTickets(first: 100) { edges { node { id ${ORDER} } } } }`), variables: outletRef(A), pick: (d, i) => node(d._entities[0].openTickets, i.open)?.problemParcel.answer, raw: raw(RAW.answer) },
    { path: 'Waybill.tickets → problemParcel', query: ENTITIES(`... on Waybill { tickets { id ${ORDER} } }`), variables: waybillRef, pick: (d, i) => inWaybill(d, i.open)?.problemParcel.answer, raw: raw(RAW.answer) },
    { path: '_entities Ticket → history', query: ENTITIES(`... on Ticket { ${HISTORY} }`), variables: ticketRef('open'), pick: (d) => changed(d._entities[0]?.history, 'problemAnswer'), raw: raw(RAW.answer) },
    { path: 'Outlet(B).openTickets → history', query: ENTITIES(`... on Outlet { openTickets(first: 100) { edges { node { id ${HISTORY} } } } }`), variables: outletRef(B), pick: (d, i) => changed(node(d._entities[0].openTickets, i.open)?.history, 'problemAnswer'), raw: raw(RAW.answer) },
  ],
  'CannedReplyPreview.text': [
    {
      path: 'previewCannedReply',
      query: `query ($id: ID!) { previewCannedReply(ticketId: $id, code: "OUT_FOR_DELIVERY") { text } }`,
      variables: byId('open'),
      pick: (d) => d.previewCannedReply?.text,
      raw: (i) => preview(i.waybillNo),
    },
  ],
};

// Every kind of caller the policy tells apart.
const VIEWERS: [string, () => Identity][] = [
  ['HQ agent', () => as.agent()],
  ['agent without pii:read', () => testIdentity('agent-no-pii', [Role.AGENT], [Scope.TICKETS_READ])],
  ['partner of the responsible outlet', () => as.partner(A)],
  ['partner of the other outlet of the problem parcel', () => as.partner(B)],
  ['partner of the responsible outlet without pii:read', () => testIdentity(`partner-no-pii-${A}`, [Role.OUTLET_PARTNER], [Scope.TICKETS_READ], A)],
  ['partner of an outlet not party', () => as.partner(C)],
  ['analyst', () => as.analyst()],
];

describe('personal data at the desk, field by field (个人信息: 每个字段, 每种角色)', () => {
  let h: TicketsHarness;
  let declared: Map<string, PersonalDataField>;
  const ids = {} as Ids;

  beforeAll(async () => {
    declared = personalDataFields(await buildTicketsSchema());
    h = await startTicketsHarness({ now: () => NOW });
    const waybillNo = aWaybillNo();
    h.waybills.add({ waybillNo, originOutletId: B, destinationOutletId: A, status: 'OUT_FOR_DELIVERY', courierName: '王师傅', courierPhone: '13800138000' });
    const gql = async (who: Identity, query: string, input: Record<string, unknown>) => {
      const res = await h.gql(who, query, { input });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const OPEN = `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id number version } } }`;
    const problemParcel = {
      kind: 'PROBLEM_PARCEL', reason: 'ADDRESS_UNCLEAR', channel: 'OUTLET', title: '地址不详', waybillNo, description: RAW.description,
      callerName: RAW.callerName, callerPhone: RAW.callerPhone, callerRole: 'RECIPIENT', responsibleOutletId: A, counterpartOutletId: B, responsibleTransitCentreId: H,
    };
    const open = (await gql(as.partner(A), OPEN, problemParcel)).openTicket.ticket;
    const resolved = (await gql(as.agent(), OPEN, problemParcel)).openTicket.ticket;
    const note = await gql(as.partner(A), `mutation ($input: CommentOnTicketInput!) { commentOnTicket(input: $input) { comment { id } } }`, {
      ticketId: open.id, visibility: 'SHARED', body: RAW.sharedNote,
    });
    const message = await gql(as.agent(), `mutation ($input: RecordCustomerMessageInput!) { recordCustomerMessage(input: $input) { comment { id } ticket { version } } }`, {
      ticketId: open.id, body: RAW.customerMessage,
    });
    const evidence = await gql(as.partner(B), `mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { evidence { id } } }`, {
      ticketId: open.id, kind: 'PHOTO', storageRef: 'oss://evidence/guard.jpg', fileName: RAW.fileName, description: RAW.evidenceDescription,
    });
    // B, the other outlet, answers by a named person; HQ then escalates the case to A's outlet manager.
    h.chains.set(A, { ARRIVAL_CS: { name: '到件客服小周', phone: '13900000001' }, OUTLET_MANAGER: { name: RAW.contactName, phone: RAW.contactPhone } });
    const answered = await gql(as.partner(B), `mutation ($input: AnswerProblemParcelInput!) { answerProblemParcel(input: $input) { version } }`, {
      ticketId: open.id, version: message.recordCustomerMessage.ticket.version, answeredBy: RAW.answeredBy, answer: RAW.answer,
    });
    await gql(as.agent(), `mutation ($input: EscalateTicketInput!) { escalateTicket(input: $input) { status } }`, {
      ticketId: open.id, version: answered.answerProblemParcel.version, reason: RAW.escalationReason,
    });
    await gql(as.agent(), `mutation ($input: ResolveTicketInput!) { resolveTicket(input: $input) { id } }`, {
      ticketId: resolved.id, version: resolved.version, resolutionCode: 'ADDRESS_CORRECTED', note: RAW.resolutionNote,
    });
    Object.assign(ids, {
      open: open.id, openNumber: open.number, resolved: resolved.id, waybillNo,
      sharedNote: note.commentOnTicket.comment.id, customerMessage: message.recordCustomerMessage.comment.id, evidence: evidence.attachEvidence.evidence.id,
    });
  });
  afterAll(() => h.stop());

  it('finds every person-like field of the schema declared or allowed with a reason', async () => {
    expect(auditPersonalData(await buildTicketsSchema(), NOT_PERSONAL_DATA)).toEqual([]);
  });

  it('has a probe for every declared field, and probes nothing undeclared', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...declared.keys()].sort());
    for (const [key, probes] of Object.entries(PROBES)) {
      // The desk's people — the case's customers, the staff named on it — have a fixed subject; the ticket's parties own them.
      expect({ key, fixedSubject: declared.get(key)!.subject !== 'BY_ROW' }).toEqual({ key, fixedSubject: true });
      expect(probes.length).toBeGreaterThan(0);
      // A probe whose value the mask leaves unchanged could not tell masked from whole.
      for (const probe of probes) expect({ key, path: probe.path, masked: maskDatum(declared.get(key)!.datum, probe.raw(ids)) !== probe.raw(ids) }).toEqual({ key, path: probe.path, masked: true });
    }
  });

  const cases = Object.keys(PROBES).flatMap((key) => VIEWERS.map(([viewer]) => [key, viewer] as const));
  it.each(cases)('%s as %s', async (key, viewerName) => {
    const identity = VIEWERS.find(([name]) => name === viewerName)![1]();
    const field = declared.get(key)!;
    // An outlet-bound caller sees the tickets its outlet is party to (the row rule); HQ and analysts every ticket.
    const seen = identity.outletId === null || PARTIES.includes(identity.outletId);
    for (const probe of PROBES[key]) {
      const res = await h.gql(identity, probe.query, probe.variables(ids));
      const value = probe.raw(ids);
      const expected = seen ? disclose(personalDataViewer(identity), { subject: field.subject as PersonSubject, datum: field.datum, owner: OWNER_OF[key] ?? OWNER }, value) : undefined;
      expect({ path: probe.path, value: probe.pick(res.data ?? {}, ids) }).toEqual({ path: probe.path, value: expected });
      if (expected !== value) expect({ path: probe.path, leaked: JSON.stringify(res).includes(value) }).toEqual({ path: probe.path, leaked: false });
    }
  });
});
