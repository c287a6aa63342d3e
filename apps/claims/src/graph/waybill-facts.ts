import { distanceClass, type DistanceClass, type ScanEvent, type ScanLocation } from '@courierdesk/domain-parcel';
import { GraphUnavailableError, type GraphClient } from '@courierdesk/platform-subgraph';
import { claimsError } from '../common/claims.errors';

/**
 * What a claim's decision needs of its waybill, read live from the graph (tracking owns it) with the
 * service's own identity — never from values a client supplies.
 *
 * Fees: `serviceFeeFen` is tracking's `freightFen`, the freight proper (运费/服务费), which a delay
 * waives and which caps an uninsured claim. The insurance premium (保价费) and add-on fees are NOT
 * stored on the waybill: they are reported as 0 here, so no decision ever waives or refunds them.
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
}

/** Reads waybills' facts; null for a number that names no waybill. */
export interface WaybillDirectory {
  facts(waybillNo: string): Promise<WaybillFacts | null>;
}

const QUERY = `query ClaimWaybillFacts($waybillNo: String!) {
  waybill(waybillNo: $waybillNo) {
    waybillNo serviceLevel laneKey declaredValueFen insuredValueFen freightFen createdAt signedAt status
    originOutlet { id } destinationOutlet { id }
    promisedAt
    timeline { type eventTime location { __typename ... on Outlet { id } ... on TransitCentre { id } } courier { id } problemCode failureReason }
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
    fees: { serviceFeeFen: raw.freightFen, insuranceFeeFen: 0, addOnFeesFen: 0 },
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
  };
}

const unavailable = () => claimsError('GRAPH_UNAVAILABLE', 'The waybill’s facts could not be read from the graph just now; try again');

/** The waybill directory over the graph, with the claims service's own identity. */
export class GraphWaybillDirectory implements WaybillDirectory {
  constructor(private readonly graph: GraphClient) {}

  async facts(waybillNo: string): Promise<WaybillFacts | null> {
    let response;
    try {
      response = await this.graph.request<{ waybill: RawWaybill | null }>(QUERY, { waybillNo });
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
