import { as } from '../testing/identities';
import { aWaybillNo, anOutletId } from '../testing/builders';
import { firstError, startTicketsHarness, type TicketsHarness } from '../testing/tickets.harness';

const NOW = new Date('2026-11-02T02:00:00Z'); // a Monday, 10:00 in China
const HOUR = 3_600_000;

const OPEN = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id } } }`;
const ATTACH = `mutation A($input: AttachEvidenceInput!) {
  attachEvidence(input: $input) { evidence { id kind storageRef fileName contentType sizeBytes sha256 description addedBy addedByOutlet { id } addedAt dueAt } ticket { id version } }
}`;
const EVIDENCE = `query T($id: ID, $first: Int, $after: String) {
  ticket(id: $id) {
    evidence(first: $first, after: $after) { edges { node { kind storageRef } } pageInfo { hasNextPage endCursor } }
    evidenceDecision { outcome dueAt policyVersion acceptedKinds counted late wrongKind explanation }
  }
}`;
const SHA = 'AB'.repeat(32);

describe('tickets: evidence (证据) and its deadline', () => {
  let h: TicketsHarness;
  let clock = NOW;
  const outletA = anOutletId();
  const outletB = anOutletId();

  beforeAll(async () => {
    h = await startTicketsHarness({ now: () => clock });
  });
  afterAll(() => h.stop());
  afterEach(() => {
    clock = NOW;
  });

  const open = async (kind: string, reason: string): Promise<string> => {
    const no = aWaybillNo();
    h.waybills.add({ waybillNo: no, destinationOutletId: outletA });
    const res: any = await h.gql(as.agent(), OPEN, { input: { kind, reason, channel: 'APP', title: '投诉', waybillNo: no } });
    expect(res.errors).toBeUndefined();
    return res.data.openTicket.ticket.id;
  };
  const upstairs = () => open('COMPLAINT', 'NOT_DELIVERED_UPSTAIRS');
  const attach = (ticketId: string, input: Record<string, unknown> = {}, who = as.partner(outletA)) =>
    h.gql(who, ATTACH, { input: { ticketId, kind: 'PHOTO', storageRef: 'evidence/2026/11/02/door.jpg', ...input } });
  const read = async (id: string, who = as.agent()) => {
    const res: any = await h.gql(who, EVIDENCE, { id, first: 10 });
    expect(res.errors).toBeUndefined();
    return res.data.ticket;
  };
  const written = async (id: string) => ({
    evidence: (await h.ds.query(`SELECT count(*)::int AS n FROM tickets.ticket_evidence WHERE ticket_id = $1`, [id]))[0].n,
    lines: (await h.ds.query(`SELECT count(*)::int AS n FROM tickets.ticket_event WHERE ticket_id = $1 AND type = 'EVIDENCE_ADDED'`, [id]))[0].n,
  });

  it('accepts a photo within the deadline of a not-delivered-upstairs complaint, and the case goes for the outlet', async () => {
    const id = await upstairs();
    const pending = await read(id);
    expect(pending.evidenceDecision).toMatchObject({
      outcome: 'PENDING',
      dueAt: new Date(NOW.getTime() + 24 * HOUR).toISOString(),
      policyVersion: 'evidence-2024.1',
      acceptedKinds: ['PHOTO', 'RECORDING'],
      counted: 0,
    });

    clock = new Date(NOW.getTime() + 3 * HOUR);
    const res: any = await attach(id, { fileName: '送货上楼.jpg', contentType: 'IMAGE/JPEG', sizeBytes: 734_112, sha256: SHA, description: '6楼门口照片，收件人电话13812345678' });
    expect(res.errors).toBeUndefined();
    expect(res.data.attachEvidence.evidence).toMatchObject({
      kind: 'PHOTO',
      storageRef: 'evidence/2026/11/02/door.jpg',
      fileName: '送货上楼.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 734_112,
      sha256: SHA.toLowerCase(),
      addedBy: `partner-${outletA}`,
      addedByOutlet: { id: outletA },
      addedAt: clock.toISOString(),
      dueAt: new Date(NOW.getTime() + 24 * HOUR).toISOString(),
    });
    // Evidence is recorded beside the ticket: its version does not move.
    expect(res.data.attachEvidence.ticket.version).toBe(1);
    expect(await written(id)).toEqual({ evidence: 1, lines: 1 });

    const after = await read(id);
    expect(after.evidence.edges.map((e: any) => e.node.kind)).toEqual(['PHOTO']);
    expect(after.evidenceDecision).toMatchObject({ outcome: 'FOR_OUTLET', counted: 1, late: 0, wrongKind: 0 });
    // The description is a customer's note: its phone number is masked without pii:read.
    const analyst: any = await h.gql(as.analyst(), `query T($id: ID) { ticket(id: $id) { evidence { edges { node { description } } } } }`, { id });
    expect(analyst.data.ticket.evidence.edges[0].node.description).not.toContain('13812345678');
  });

  it('refuses evidence after the deadline with EVIDENCE_AFTER_DEADLINE, writing nothing; the case goes against the outlet', async () => {
    const id = await upstairs();
    clock = new Date(NOW.getTime() + 24 * HOUR);
    expect((await attach(id, { kind: 'DOCUMENT', storageRef: 'evidence/on-the-dot.pdf' })).errors).toBeUndefined(); // the deadline instant itself is in time
    clock = new Date(NOW.getTime() + 24 * HOUR + 60_000);
    const late: any = await attach(id, { kind: 'RECORDING', storageRef: 'evidence/call.mp3' });
    expect(firstError(late)).toMatchObject({ code: 'CONFLICT', reason: 'EVIDENCE_AFTER_DEADLINE' });
    expect(await written(id)).toEqual({ evidence: 1, lines: 1 });
    const decided = await read(id);
    // A document is not what this rule accepts; the recording came too late and was never recorded.
    expect(decided.evidenceDecision).toMatchObject({ outcome: 'AGAINST_OUTLET', counted: 0, wrongKind: 1 });
  });

  it('records evidence on a ticket without an evidence rule with no deadline, and no decision', async () => {
    const id = await open('URGE', 'NO_SCAN_UPDATE');
    clock = new Date(NOW.getTime() + 30 * 24 * HOUR);
    const res: any = await attach(id, { kind: 'DOCUMENT', storageRef: 'evidence/receipt.pdf' }, as.agent());
    expect(res.errors).toBeUndefined();
    expect(res.data.attachEvidence.evidence).toMatchObject({ dueAt: null, addedByOutlet: null, addedBy: 'agent-1' });
    expect((await read(id)).evidenceDecision).toBeNull();
  });

  it('pages a ticket’s evidence oldest first', async () => {
    const id = await upstairs();
    for (const [i, kind] of ['PHOTO', 'RECORDING', 'DOCUMENT'].entries()) {
      clock = new Date(NOW.getTime() + (i + 1) * HOUR);
      expect((await attach(id, { kind, storageRef: `evidence/${i}` })).errors).toBeUndefined();
    }
    const first: any = await h.gql(as.partner(outletA), EVIDENCE, { id, first: 2 });
    expect(first.data.ticket.evidence.edges.map((e: any) => e.node.storageRef)).toEqual(['evidence/0', 'evidence/1']);
    const second: any = await h.gql(as.partner(outletA), EVIDENCE, { id, first: 2, after: first.data.ticket.evidence.pageInfo.endCursor });
    expect(second.data.ticket.evidence.edges.map((e: any) => e.node.storageRef)).toEqual(['evidence/2']);
    expect(second.data.ticket.evidence.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['an empty storage reference', { storageRef: ' ' }, 'BAD_USER_INPUT', 'INVALID_TEXT'],
    ['a storage reference too long', { storageRef: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'INVALID_TEXT'],
    ['a SHA-256 that is not one', { sha256: 'not-a-hash' }, 'BAD_USER_INPUT', 'INVALID_EVIDENCE_METADATA'],
    ['a negative size', { sizeBytes: -1 }, 'BAD_USER_INPUT', 'INVALID_EVIDENCE_METADATA'],
    ['a content type that is not one', { contentType: 'jpeg' }, 'BAD_USER_INPUT', 'INVALID_EVIDENCE_METADATA'],
  ])('refuses %s, writing nothing', async (_what, input, code, reason) => {
    const id = await upstairs();
    expect(firstError(await attach(id, input))).toMatchObject({ code, reason });
    expect(await written(id)).toEqual({ evidence: 0, lines: 0 });
  });

  it('an outlet not party to the case gets NOT_FOUND, writing nothing', async () => {
    const id = await upstairs();
    expect(firstError(await attach(id, {}, as.partner(outletB)))).toMatchObject({ code: 'NOT_FOUND', reason: 'TICKET_NOT_FOUND' });
    expect(await written(id)).toEqual({ evidence: 0, lines: 0 });
  });
});
