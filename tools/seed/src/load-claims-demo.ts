import type { DataSource } from 'typeorm';
import { CLAIMS_DB_SCHEMA, createClaimsServices, feesOf, type TicketDirectory, type TicketFacts, type WaybillCharge, type WaybillDirectory, type WaybillFacts } from '@courierdesk/claims';
import type { Tariff } from '@courierdesk/domain-tariff';
import { distanceClass, estimateDelivery, FINAL_STATUSES, laneOf, type ScanEvent, type ServiceLevel, type WaybillStatus } from '@courierdesk/domain-parcel';
import { decideOnEvidence, DEFAULT_EVIDENCE_POLICY, evidenceDeadline, type EvidenceKind, type TicketKind, type TicketReason } from '@courierdesk/domain-ticket';
import { DEFAULT_ROLE_SCOPES, Role, ROLE_SCOPES, Scope, type Identity } from '@courierdesk/platform-auth';
import { TICKETS_DB_SCHEMA } from '@courierdesk/tickets';
import { chargeCheckOf, chargedLines, tariffStore, TRACKING_DB_SCHEMA, type PricedWaybill } from '@courierdesk/tracking';
import { planClaimsDemo, type ClaimDemoTicket, type ClaimDemoWaybill } from './claims-demo';
import { DEMO_AGENT } from './tickets-demo';

/** What {@link loadClaimsDemo} did. */
export interface ClaimsLoadCounts {
  /** Claims filed. */
  claims: number;
  /** Claims per kind (LOSS, DAMAGE, DELAY, RETURN_FREIGHT …). */
  byKind: Record<string, number>;
  /** Claims decided (each carries its decision). */
  decided: number;
  /** Claims approved and not paid. */
  approved: number;
  /** Claims paid through the payout. */
  paid: number;
  /** Fines issued. */
  fines: number;
  /** Arbitration cases open (a fine disputed by its outlet). */
  arbitrations: number;
  /** The demo cases, by label (RETURN_FREIGHT:NO_REASON …), each with its claim number. */
  cases: { label: string; number: string }[];
}

// Statuses with nothing left to estimate (tracking's eta/eta.ts): their promise is not shown.
const ARRIVED: readonly string[] = [...FINAL_STATUSES, 'AVAILABLE_FOR_PICKUP', 'RETURNING'];
// The lane history tracking reads for a promise (eta.loaders LANE_HISTORY_SAMPLES).
const LANE_HISTORY_SAMPLES = 200;

interface WaybillRowRaw {
  waybill_no: string;
  service_level: string;
  lane_key: string;
  origin_district_code: string;
  destination_district_code: string;
  declared_value_fen: string;
  insured_value_fen: string;
  freight_fen: string;
  created_at: Date;
  picked_up_at: Date | null;
  signed_at: Date | null;
  status: string;
  origin_outlet_id: string | null;
  destination_outlet_id: string | null;
  refused: boolean;
}

const WAYBILL_SQL = (schema: string, where: string) => `
  SELECT w.waybill_no, w.service_level, w.lane_key, w.origin_district_code, w.destination_district_code, w.declared_value_fen, w.insured_value_fen,
         w.freight_fen, w.created_at, w.picked_up_at, w.signed_at, w.status, w.origin_outlet_id, w.destination_outlet_id,
         EXISTS (SELECT 1 FROM "${schema}".scan_event s WHERE s.waybill_no = w.waybill_no AND s.event_time >= w.created_at - interval '1 day'
                   AND (s.failure_reason IN ('REFUSED', 'COD_REFUSED') OR (s.type = 'RETURN_STARTED' AND s.problem_code = 'REFUSED'))) AS refused
    FROM "${schema}".waybill w ${where} ORDER BY w.waybill_no`;

const distanceOf = (laneKey: string): WaybillFacts['distance'] => {
  const [originCity, destinationCity] = laneKey.split('-');
  try {
    return distanceClass({ originCity, destinationCity });
  } catch {
    return null;
  }
};

/** Lane histories (hours, newest first) of lane|level keys, as tracking reads them for a promise. */
async function laneHistories(ds: DataSource, schema: string, keys: readonly string[]): Promise<Map<string, number[]>> {
  const unique = [...new Set(keys)];
  const byKey = new Map<string, number[]>(unique.map((k) => [k, []]));
  if (unique.length === 0) return byKey;
  const rows = (await ds.query(
    `SELECT k.lane_key || '|' || k.service_level AS key, t.hours
       FROM unnest($1::text[], $2::text[]) AS k(lane_key, service_level)
       CROSS JOIN LATERAL (SELECT hours FROM "${schema}".lane_transit_time l WHERE l.lane_key = k.lane_key AND l.service_level = k.service_level ORDER BY l.signed_at DESC LIMIT $3) t`,
    [unique.map((k) => k.split('|')[0]), unique.map((k) => k.split('|')[1]), LANE_HISTORY_SAMPLES],
  )) as { key: string; hours: number }[];
  for (const row of rows) byKey.get(row.key)?.push(Number(row.hours));
  return byKey;
}

const historyKey = (r: WaybillRowRaw) => `${r.lane_key}|${r.service_level}`;

/** The promise tracking shows (eta.promisedAt): from the lane's history, counted from pickup or the order; null once nothing is left to estimate. */
function promiseOf(r: WaybillRowRaw, history: readonly number[]): Date | null {
  if (ARRIVED.includes(r.status as WaybillStatus)) return null;
  const shippedAt = new Date(r.picked_up_at ?? r.created_at);
  return estimateDelivery({ shippedAt, lane: laneOf(r.origin_district_code, r.destination_district_code), serviceLevel: r.service_level as ServiceLevel, history }).expectedAt;
}

/**
 * The demo waybills as the claims desk picks from them, from tracking's tables (a seed is a tool and
 * may read them; no subgraph reads another's tables). The promise is computed as tracking's `eta`
 * computes it, so the plan sees what the decision will see.
 */
export async function readClaimDemoWaybills(ds: DataSource, schema = TRACKING_DB_SCHEMA): Promise<ClaimDemoWaybill[]> {
  const rows = (await ds.query(WAYBILL_SQL(schema, ''))) as WaybillRowRaw[];
  const histories = await laneHistories(ds, schema, rows.filter((r) => !ARRIVED.includes(r.status)).map(historyKey));
  return rows.map((r) => ({
    waybillNo: r.waybill_no,
    status: r.status,
    distance: distanceOf(r.lane_key),
    declaredValueFen: Number(r.declared_value_fen) > 0 ? Number(r.declared_value_fen) : null,
    insuredValueFen: Number(r.insured_value_fen),
    freightFen: Number(r.freight_fen),
    originOutletId: r.origin_outlet_id,
    destinationOutletId: r.destination_outlet_id,
    promisedAt: promiseOf(r, histories.get(historyKey(r)) ?? []),
    refused: r.refused,
  }));
}

/**
 * Waybills' facts from tracking's tables, in process (the demo claims are loaded before the gateway
 * is up), in the shape claims reads through the graph (apps/claims graph/waybill-facts.ts): the
 * freight as the service fee, no insurance or add-on fees, the promise while on the way, every scan
 * in event-time order. Cached per waybill: a claim's facts are read at filing, review and decision.
 */
export class TrackingRowsWaybillDirectory implements WaybillDirectory {
  private readonly cache = new Map<string, Promise<WaybillFacts | null>>();

  constructor(
    private readonly ds: DataSource,
    private readonly schema = TRACKING_DB_SCHEMA,
  ) {}

  facts(waybillNo: string): Promise<WaybillFacts | null> {
    let found = this.cache.get(waybillNo);
    if (!found) {
      found = this.read(waybillNo);
      this.cache.set(waybillNo, found);
    }
    return found;
  }

  private tariffs: Promise<Tariff[]> | undefined;

  /** What the waybill was charged, its charge check and newest headless search, by tracking's own rules. */
  private billOf(waybillNo: string) {
    // Tracking's store reads the versions (one query per directory, not per waybill).
    this.tariffs ??= tariffStore(this.ds)
      .all()
      .then((published) => published.map((p) => p.rule));
    return billOfRows(this.ds, this.schema, waybillNo, this.tariffs);
  }

  private async read(waybillNo: string): Promise<WaybillFacts | null> {
    const [r] = (await this.ds.query(WAYBILL_SQL(this.schema, 'WHERE w.waybill_no = $1'), [waybillNo])) as WaybillRowRaw[];
    if (!r) return null;
    const history = ARRIVED.includes(r.status) ? [] : ((await laneHistories(this.ds, this.schema, [historyKey(r)])).get(historyKey(r)) ?? []);
    const scans = (await this.ds.query(
      `SELECT type, event_time, location_kind, location_id, courier_id, failure_reason, problem_code FROM "${this.schema}".scan_event
        WHERE waybill_no = $1 AND event_time >= $2::timestamptz - interval '1 day' ORDER BY event_time, scanner_event_id`,
      [waybillNo, r.created_at],
    )) as { type: string; event_time: Date; location_kind: 'HUB' | 'OUTLET' | null; location_id: string | null; courier_id: string | null; failure_reason: string | null; problem_code: string | null }[];
    const declared = Number(r.declared_value_fen);
    const billed = await this.billOf(waybillNo);
    return {
      waybillNo: r.waybill_no,
      serviceLevel: r.service_level,
      laneKey: r.lane_key,
      distance: distanceOf(r.lane_key),
      declaredValueFen: declared > 0 ? declared : null,
      insuredValueFen: Number(r.insured_value_fen),
      fees: feesOf(Number(r.freight_fen), billed.charges),
      charges: billed.charges,
      chargeCheck: billed.chargeCheck,
      headlessSearch: billed.headlessSearch,
      createdAt: new Date(r.created_at),
      signedAt: r.signed_at ? new Date(r.signed_at) : null,
      status: r.status,
      originOutletId: r.origin_outlet_id,
      destinationOutletId: r.destination_outlet_id,
      promisedAt: promiseOf(r, history),
      scans: scans.map(
        (s): ScanEvent => ({
          waybillNo: r.waybill_no,
          type: s.type as ScanEvent['type'],
          eventTime: new Date(s.event_time),
          location: s.location_kind && s.location_id ? { kind: s.location_kind, id: s.location_id } : null,
          courierId: s.courier_id,
          signer: null,
          failureReason: s.failure_reason as ScanEvent['failureReason'],
          problemCode: s.problem_code as ScanEvent['problemCode'],
          note: null,
        }),
      ),
    };
  }
}

/** What the rows say of a waybill's bill and its newest headless-parcel search, as tracking's fields would (Waybill.charges, chargeCheck, headlessSearches). */
async function billOfRows(ds: DataSource, schema: string, waybillNo: string, tariffs: Promise<Tariff[]>): Promise<Pick<WaybillFacts, 'charges' | 'chargeCheck' | 'headlessSearch'> & { charges: WaybillCharge[] }> {
  const [w] = (await ds.query(
    `SELECT origin_district_code AS "originDistrictCode", destination_district_code AS "destinationDistrictCode", service_level AS "serviceLevel",
            weight_grams AS "weightGrams", length_cm AS "lengthCm", width_cm AS "widthCm", height_cm AS "heightCm", insured_value_fen::float8 AS "insuredValueFen",
            upstairs_floors AS "upstairsFloors", freight_fen::float8 AS "freightFen", surcharges, picked_up_at AS "pickedUpAt", created_at AS "createdAt"
       FROM "${schema}".waybill WHERE waybill_no = $1`,
    [waybillNo],
  )) as PricedWaybill[];
  const [search] = (await ds.query(
    `SELECT id::text, searched_at, candidate_count, policy_version FROM "${schema}".headless_search WHERE waybill_no = $1 ORDER BY searched_at DESC, id DESC LIMIT 1`,
    [waybillNo],
  )) as { id: string; searched_at: Date; candidate_count: number; policy_version: string }[];
  return {
    charges: chargedLines(w),
    chargeCheck: chargeCheckOf(w, await tariffs),
    headlessSearch: search ? { id: search.id, searchedAt: new Date(search.searched_at), candidateCount: search.candidate_count, policyVersion: search.policy_version } : null,
  };
}

/**
 * Tickets' facts from the tickets tables, in process, in the shape claims reads through the graph
 * (apps/claims graph/ticket-facts.ts): the evidence outcome decided as Ticket.evidenceDecision
 * decides it (the default evidence policy, at `now`).
 */
export class TicketRowsDirectory implements TicketDirectory {
  constructor(
    private readonly ds: DataSource,
    private readonly now: Date,
    private readonly schema = TICKETS_DB_SCHEMA,
  ) {}

  async facts(ticketId: string): Promise<TicketFacts | null> {
    const [t] = (await this.ds.query(
      `SELECT id, number, waybill_no, kind, reason, responsible_outlet_id, counterpart_outlet_id, opened_at FROM "${this.schema}".ticket WHERE id = $1`,
      [ticketId],
    )) as { id: string; number: string; waybill_no: string | null; kind: string; reason: string; responsible_outlet_id: string | null; counterpart_outlet_id: string | null; opened_at: Date }[];
    if (!t) return null;
    const evidence = (await this.ds.query(`SELECT id, kind, storage_ref, added_at FROM "${this.schema}".ticket_evidence WHERE ticket_id = $1 ORDER BY added_at, id`, [ticketId])) as {
      id: string;
      kind: string;
      storage_ref: string;
      added_at: Date;
    }[];
    const deadline = evidenceDeadline(t.kind as TicketKind, t.reason as TicketReason, new Date(t.opened_at), [DEFAULT_EVIDENCE_POLICY]);
    const outcome = deadline ? decideOnEvidence(deadline, evidence.map((e) => ({ id: e.id, kind: e.kind as EvidenceKind, addedAt: new Date(e.added_at) })), this.now).outcome : null;
    return {
      id: t.id,
      number: t.number,
      waybillNo: t.waybill_no,
      kind: t.kind,
      reason: t.reason,
      responsibleOutletId: t.responsible_outlet_id,
      counterpartOutletId: t.counterpart_outlet_id,
      evidenceOutcome: outcome,
      evidence: evidence.map((e) => ({ kind: e.kind, storageRef: e.storage_ref, addedAt: new Date(e.added_at) })),
    };
  }
}

/** The demo tickets a claim may start from or a fine refer to (damage, delay, not delivered upstairs), from the tickets tables. */
export async function readClaimDemoTickets(ds: DataSource, schema = TICKETS_DB_SCHEMA): Promise<ClaimDemoTicket[]> {
  const rows = (await ds.query(
    `SELECT id, waybill_no, kind, reason, responsible_outlet_id, counterpart_outlet_id FROM "${schema}".ticket
      WHERE reason IN ('DAMAGED', 'DELAY', 'NOT_DELIVERED_UPSTAIRS') AND merged_into_id IS NULL ORDER BY waybill_no NULLS LAST, id`,
  )) as { id: string; waybill_no: string | null; kind: string; reason: string; responsible_outlet_id: string | null; counterpart_outlet_id: string | null }[];
  return rows.map((r) => ({ id: r.id, waybillNo: r.waybill_no, kind: r.kind, reason: r.reason, responsibleOutletId: r.responsible_outlet_id, counterpartOutletId: r.counterpart_outlet_id }));
}

/** The HQ agent who files claims: the subject of the printed agent token. */
const filer: Identity = { subject: DEMO_AGENT, roles: [Role.AGENT], scopes: ROLE_SCOPES[Role.AGENT], outletId: null, tokenId: 'seed' };
/** The HQ claims manager who decides, approves, pays and fines: the printed claimsManager token's subject and scopes. */
const manager: Identity = {
  subject: 'demo-claims-manager',
  roles: [Role.AGENT],
  scopes: [...DEFAULT_ROLE_SCOPES[Role.AGENT], Scope.CLAIMS_DECIDE],
  outletId: null,
  tokenId: 'seed',
};

/** Options of {@link loadClaimsDemo}. */
export interface ClaimsDemoLoadOptions {
  partnerOutlet: { id: string; code: string };
  now: Date;
  /** Where the waybills' and tickets' facts come from (in process: the graph is not up yet). */
  waybills: WaybillDirectory;
  tickets: TicketDirectory;
}

/**
 * Loads the demo claims (planClaimsDemo) through the claims services — the same rules, numbers,
 * audit lines, ledger and payout as a caller's — on the claims subgraph's DataSource, at `now`.
 * One case after another, so claim numbers come out in the plan's order. Meant for an empty claims
 * schema (a first start): see {@link claimsIsEmpty}.
 */
export async function loadClaimsDemo(claimsDs: DataSource, waybills: readonly ClaimDemoWaybill[], tickets: readonly ClaimDemoTicket[], options: ClaimsDemoLoadOptions): Promise<ClaimsLoadCounts> {
  const plan = planClaimsDemo(waybills, tickets, { partnerOutletId: options.partnerOutlet.id, now: options.now });
  const services = createClaimsServices(claimsDs, { now: () => options.now, waybills: options.waybills, tickets: options.tickets });
  const counts: ClaimsLoadCounts = { claims: 0, byKind: {}, decided: 0, approved: 0, paid: 0, fines: 0, arbitrations: 0, cases: [] };

  for (const demo of plan.claims) {
    let claim = await services.filing.file(filer, demo.input as never);
    counts.claims++;
    counts.byKind[claim.kind] = (counts.byKind[claim.kind] ?? 0) + 1;
    counts.cases.push({ label: demo.label, number: claim.number });
    for (const e of demo.evidence) claim = (await services.workflow.addEvidence(filer, { claimId: claim.id, ...e })).claim;
    claim = await services.workflow.review(manager, { claimId: claim.id, version: claim.version });
    claim = await services.workflow.decide(manager, { claimId: claim.id, version: claim.version, ...demo.findings });
    counts.decided++;
    if (demo.end === 'DECIDED') continue;
    claim = await services.workflow.approve(manager, { claimId: claim.id, version: claim.version });
    if (demo.end === 'APPROVED') {
      counts.approved++;
      continue;
    }
    await services.payouts.pay(manager, { claimId: claim.id, idempotencyKey: demo.payoutKey as string });
    counts.paid++;
  }

  // The fine is decided on the case's facts (the ticket's evidence decision): take the planned
  // complaint, or another of the partner's "not delivered upstairs" complaints, that the outlet has
  // lost on evidence by now; a demo made when none has leaves the fine out rather than forcing it.
  const { fine } = plan;
  const candidates = [fine.ticketId, ...tickets.filter((t) => t.reason === 'NOT_DELIVERED_UPSTAIRS' && t.responsibleOutletId === fine.outletId).map((t) => t.id)];
  let lostOnEvidence: string | null = null;
  for (const id of new Set(candidates.filter((c): c is string => c !== null))) {
    if ((await options.tickets.facts(id))?.evidenceOutcome === 'AGAINST_OUTLET') {
      lostOnEvidence = id;
      break;
    }
  }
  if (!lostOnEvidence) return counts;
  const issued = await services.fines.issue(manager, { outletId: fine.outletId, reason: fine.reason, ticketId: lostOnEvidence, evidenceRefs: fine.evidenceRefs, note: fine.note });
  counts.fines++;
  const partner: Identity = {
    subject: `partner-${options.partnerOutlet.code}`,
    roles: [Role.OUTLET_PARTNER],
    scopes: ROLE_SCOPES[Role.OUTLET_PARTNER],
    outletId: options.partnerOutlet.id,
    tokenId: 'seed',
  };
  await services.fines.dispute(partner, { fineId: issued.id, statement: fine.dispute.statement, evidenceRefs: fine.dispute.evidenceRefs });
  counts.arbitrations++;
  return counts;
}

/** True when the claims schema has neither a claim nor a fine yet (first start). */
export async function claimsIsEmpty(ds: DataSource, schema = CLAIMS_DB_SCHEMA): Promise<boolean> {
  const [row] = (await ds.query(`SELECT NOT EXISTS (SELECT 1 FROM "${schema}".claim) AND NOT EXISTS (SELECT 1 FROM "${schema}".fine) AS empty`)) as { empty: boolean }[];
  return row.empty;
}

/**
 * The refund of the demo's overcharged waybill (多收费退还): an OVERCHARGE claim filed from its
 * "overcharged" complaint, decided from tracking's charge check (the old oversize rule after it
 * changed), approved and paid to the shipper — the refund in the ledger, charged back to the origin
 * outlet that collected it. Returns the claim's number.
 */
export async function loadOverchargeClaimDemo(
  claimsDs: DataSource,
  ticketId: string,
  options: Pick<ClaimsDemoLoadOptions, 'now' | 'waybills' | 'tickets'>,
): Promise<{ number: string; paidFen: number }> {
  const services = createClaimsServices(claimsDs, { now: () => options.now, waybills: options.waybills, tickets: options.tickets });
  let claim = await services.filing.file(filer, { ticketId, kind: 'OVERCHARGE', claimant: 'RECIPIENT', claimedFen: 3000, description: '超长附加费按旧规则收取，申请退还。' } as never);
  claim = await services.workflow.review(manager, { claimId: claim.id, version: claim.version });
  claim = await services.workflow.decide(manager, { claimId: claim.id, version: claim.version, notifiedOfCap: false });
  claim = await services.workflow.approve(manager, { claimId: claim.id, version: claim.version });
  const paid = await services.payouts.pay(manager, { claimId: claim.id, idempotencyKey: `demo-overcharge-${claim.number}` });
  return { number: claim.number, paidFen: paid.payout.amountFen };
}
