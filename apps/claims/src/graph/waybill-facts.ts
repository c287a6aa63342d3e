import type { ChargeCheckFacts, HeadlessSearchFacts } from '@courierdesk/domain-liability';
import { distanceClass, type DistanceClass, type ScanEvent, type ScanLocation } from '@courierdesk/domain-parcel';
import { GraphUnavailableError, type GraphClient } from '@courierdesk/platform-subgraph';
import { claimsError } from '../common/claims.errors';

/**
 * What a claim's decision needs of its waybill, read live from the graph (tracking owns it) with the
 * service's own identity — never from values a client supplies.
 *
 * Fees: `serviceFeeFen` is tracking's `freightFen`, the freight proper (运费/服务费), which a delay
 * waives and which caps an uninsured claim. The insurance premium (保价费) and add-on fees
 * (偏远、超长/超大、上楼) come from tracking's `charges` (INSURANCE; REMOTE_AREA + OVERSIZE + UPSTAIRS):
 * no decision waives them.
 *
 * `charges`, `chargeCheck` and `headlessSearch` are optional for directories that do not read them
 * (the demo loader over tracking's rows): absent reads as no charges beyond the freight, no charge
 * check (an overcharge refund is refused, WAYBILL_NOT_PRICED) and no headless-parcel search.
 */
export interface WaybillFacts {
  waybillNo: string;
  serviceLevel: string;
  laneKey: string;
  /** From the lane's city codes; null when the lane key is not two city codes. */
  distance: DistanceClass | null;
  /** The value the shipper declared (声明价值); null when none (0 on the waybill). */
  declaredValueFen: number | null;
  /** The insured amount (保价金额); 0 when not insured. */
  insuredValueFen: number;
  fees: { serviceFeeFen: number; insuranceFeeFen: number; addOnFeesFen: number };
  createdAt: Date;
  /** Delivery (签收), when signed. */
  signedAt: Date | null;
  status: string;
  originOutletId: string | null;
  destinationOutletId: string | null;
  /** The promised delivery (承诺送达), also after delivery (tracking's Waybill.promisedAt). */
  promisedAt: Date | null;
  /** Every scan, as the liability rules read them (custody chain, bearing place). */
  scans: ScanEvent[];
  /** What was charged, line by line (收费明细, tracking's Waybill.charges; FREIGHT is `freightFen`). */
  charges?: WaybillCharge[];
  /** Tracking's check of the charges against the tariff in force at pickup (运价核对); null when the waybill cannot be priced. */
  chargeCheck?: ChargeCheckFacts | null;
  /** The newest headless-parcel search (无头件查找) made for the waybill; null when none was made. */
  headlessSearch?: HeadlessSearchFacts | null;
}

/** One charge on a waybill (收费项目): FREIGHT, INSURANCE, REMOTE_AREA, OVERSIZE, UPSTAIRS. */
export interface WaybillCharge {
  code: string;
  amountFen: number;
}

/** Charge codes that are add-on fees (增值服务费/附加费): never waived on delay, like the premium. */
export const ADD_ON_CHARGE_CODES: readonly string[] = ['REMOTE_AREA', 'OVERSIZE', 'UPSTAIRS'];

/** The fees the compensation rules read: the freight, the premium (INSURANCE) and the add-on charges. */
export function feesOf(freightFen: number, charges: readonly WaybillCharge[]): WaybillFacts['fees'] {
  const sum = (codes: readonly string[]) => charges.filter((c) => codes.includes(c.code)).reduce((total, c) => total + c.amountFen, 0);
  return { serviceFeeFen: freightFen, insuranceFeeFen: sum(['INSURANCE']), addOnFeesFen: sum(ADD_ON_CHARGE_CODES) };
}

/** Reads waybills' facts; null for a number that names no waybill. */
export interface WaybillDirectory {
  facts(waybillNo: string): Promise<WaybillFacts | null>;
}

// The selections of tracking's issue-12 fields, in one place (their names may still move a little).
/** What was charged, line by line. */
export const CHARGES_SELECTION = `charges { code amountFen }`;
/** The charge check against the tariff in force at pickup (null when the waybill cannot be priced). */
export const CHARGE_CHECK_SELECTION = `chargeCheck {
      tariffVersion pricedAt
      lines { code allowedFen chargedFen differenceFen verdict rule ruleZh }
      allowedTotalFen chargedTotalFen refundOwedFen verdict explanationZh
    }`;
/** The newest headless-parcel search made for the waybill. */
export const HEADLESS_SEARCH_SELECTION = `headlessSearches(first: 1) { id searchedAt candidateCount policyVersion }`;

/** The waybill's facts, as the claims service reads them from the graph. */
export const WAYBILL_FACTS_QUERY = `query ClaimWaybillFacts($waybillNo: String!) {
  waybill(waybillNo: $waybillNo) {
    waybillNo serviceLevel laneKey declaredValueFen insuredValueFen freightFen createdAt signedAt status
    originOutlet { id } destinationOutlet { id }
    promisedAt
    timeline { type eventTime location { __typename ... on Outlet { id } ... on TransitCentre { id } } courier { id } problemCode failureReason }
    ${CHARGES_SELECTION}
    ${CHARGE_CHECK_SELECTION}
    ${HEADLESS_SEARCH_SELECTION}
  }
}`;

interface RawScan {
  type: string;
  eventTime: string;
  location: { __typename?: string; id?: string } | null;
  courier: { id: string } | null;
  problemCode: string | null;
  failureReason: string | null;
}

interface RawWaybill {
  waybillNo: string;
  serviceLevel: string;
  laneKey: string;
  declaredValueFen: number;
  insuredValueFen: number;
  freightFen: number;
  createdAt: string;
  signedAt: string | null;
  status: string;
  originOutlet: { id: string } | null;
  destinationOutlet: { id: string } | null;
  promisedAt: string | null;
  timeline: RawScan[];
  charges: WaybillCharge[];
  chargeCheck: (Omit<ChargeCheckFacts, 'pricedAt'> & { pricedAt: string }) | null;
  headlessSearches: { id: string; searchedAt: string; candidateCount: number; policyVersion: string }[];
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** The lane's distance class from its key `440300-110100`; null when the key is not two city codes. */
export function distanceOfLane(laneKey: string): DistanceClass | null {
  const [originCity, destinationCity] = laneKey.split('-');
  try {
    return distanceClass({ originCity, destinationCity });
  } catch {
    return null;
  }
}

const locationOf = (raw: RawScan['location']): ScanLocation | null => {
  if (!raw?.id) return null;
  if (raw.__typename === 'Outlet') return { kind: 'OUTLET', id: raw.id };
  if (raw.__typename === 'TransitCentre') return { kind: 'HUB', id: raw.id };
  return null;
};

/** Maps the graph's answer to the facts the rules read. */
export function toWaybillFacts(raw: RawWaybill): WaybillFacts {
  return {
    waybillNo: raw.waybillNo,
    serviceLevel: raw.serviceLevel,
    laneKey: raw.laneKey,
    distance: distanceOfLane(raw.laneKey),
    declaredValueFen: raw.declaredValueFen > 0 ? raw.declaredValueFen : null,
    insuredValueFen: raw.insuredValueFen,
    fees: feesOf(raw.freightFen, raw.charges),
    createdAt: new Date(raw.createdAt),
    signedAt: date(raw.signedAt),
    status: raw.status,
    originOutletId: raw.originOutlet?.id ?? null,
    destinationOutletId: raw.destinationOutlet?.id ?? null,
    promisedAt: date(raw.promisedAt),
    scans: raw.timeline.map((s) => ({
      waybillNo: raw.waybillNo,
      type: s.type as ScanEvent['type'],
      eventTime: new Date(s.eventTime),
      location: locationOf(s.location),
      courierId: s.courier?.id ?? null,
      signer: null,
      failureReason: s.failureReason as ScanEvent['failureReason'],
      problemCode: s.problemCode as ScanEvent['problemCode'],
      note: null,
    })),
    charges: raw.charges.map((c) => ({ code: c.code, amountFen: c.amountFen })),
    chargeCheck: raw.chargeCheck ? { ...raw.chargeCheck, pricedAt: new Date(raw.chargeCheck.pricedAt), lines: raw.chargeCheck.lines.map((l) => ({ ...l })) } : null,
    headlessSearch: headlessSearchOf(raw.headlessSearches[0]),
  };
}

const headlessSearchOf = (raw: RawWaybill['headlessSearches'][number] | undefined): HeadlessSearchFacts | null =>
  raw ? { id: raw.id, searchedAt: new Date(raw.searchedAt), candidateCount: raw.candidateCount, policyVersion: raw.policyVersion } : null;

const unavailable = () => claimsError('GRAPH_UNAVAILABLE', 'The waybill’s facts could not be read from the graph just now; try again');

/** The waybill directory over the graph, with the claims service's own identity. */
export class GraphWaybillDirectory implements WaybillDirectory {
  constructor(private readonly graph: GraphClient) {}

  async facts(waybillNo: string): Promise<WaybillFacts | null> {
    let response;
    try {
      response = await this.graph.request<{ waybill: RawWaybill | null }>(WAYBILL_FACTS_QUERY, { waybillNo });
    } catch (err) {
      if (err instanceof GraphUnavailableError) throw unavailable();
      throw err;
    }
    // A decision on half the facts is worse than none: any error but the waybill's own NOT_FOUND fails the read.
    if (response.data === null || response.errors.some((e) => e.extensions?.code !== 'NOT_FOUND')) throw unavailable();
    const raw = response.data?.waybill ?? null;
    return raw ? toWaybillFacts(raw) : null;
  }
}
