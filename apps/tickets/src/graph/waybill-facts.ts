import { GraphUnavailableError, type GraphClient } from '@courierdesk/platform-subgraph';
import { ticketsError } from '../common/tickets.errors';

/**
 * What the desk needs to know of a waybill, read live from the graph (tracking and network own it):
 * who its outlets are (the ticket's parties, the row rule) and what a canned reply quotes.
 */
export interface WaybillFacts {
  waybillNo: string;
  originOutletId: string | null;
  destinationOutletId: string | null;
  /** The outlet holding the parcel now (its last scan was there), e.g. one it was mis-sorted to; null at a hub or before any scan. */
  holderOutletId: string | null;
  status: string;
  lastScanAt: Date | null;
  lastScanPlace: string | null;
  etaFrom: Date | null;
  etaTo: Date | null;
  courierName: string | null;
  courierPhone: string | null;
  destinationOutletName: string | null;
  /** The charge check's paragraph for the customer (tracking's Waybill.chargeCheck); null without one, or when not asked for. */
  chargeCheckZh: string | null;
}

/** What a read of facts needs beyond the desk's usual ones. */
export interface FactsOptions {
  /** The charge check (a reply quoting {{chargeCheck}}): priced by tracking, so asked only when used. */
  chargeCheck?: boolean;
}

/** Reads waybills' facts; null for a number that names no waybill. */
export interface WaybillDirectory {
  facts(waybillNos: readonly string[], options?: FactsOptions): Promise<Map<string, WaybillFacts | null>>;
}

const FIELDS = `
  waybillNo status lastScanAt
  originOutlet { id }
  destinationOutlet { id name }
  lastScan { location { __typename id ... on Outlet { name } ... on TransitCentre { name } } }
  eta { earliest latest }
  currentHolder { name phone }`;

interface RawWaybill {
  waybillNo: string;
  status: string;
  lastScanAt: string | null;
  originOutlet: { id: string } | null;
  destinationOutlet: { id: string; name: string | null } | null;
  lastScan: { location: { __typename?: string; id: string; name?: string | null } | null } | null;
  eta: { earliest: string; latest: string } | null;
  currentHolder: { name: string | null; phone: string | null } | null;
  chargeCheck?: { explanationZh: string } | null;
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** The waybill directory over the graph, with the service's own identity: one request for all numbers (aliases). */
export class GraphWaybillDirectory implements WaybillDirectory {
  constructor(private readonly graph: GraphClient) {}

  async facts(waybillNos: readonly string[], options: FactsOptions = {}): Promise<Map<string, WaybillFacts | null>> {
    const fields = options.chargeCheck ? `${FIELDS}\n  chargeCheck { explanationZh }` : FIELDS;
    const numbers = [...new Set(waybillNos)];
    const result = new Map<string, WaybillFacts | null>();
    if (numbers.length === 0) return result;
    const variables = Object.fromEntries(numbers.map((no, i) => [`n${i}`, no]));
    const query = `query TicketWaybillFacts(${numbers.map((_, i) => `$n${i}: String!`).join(', ')}) {
      ${numbers.map((_, i) => `w${i}: waybill(waybillNo: $n${i}) { ${fields} }`).join('\n')}
    }`;
    let response;
    try {
      response = await this.graph.request<Record<string, RawWaybill | null>>(query, variables);
    } catch (err) {
      if (err instanceof GraphUnavailableError) throw ticketsError('GRAPH_UNAVAILABLE', 'The waybill’s live data could not be read just now; try again');
      throw err;
    }
    // No data at all (the token was refused, the operation was): the graph failed, not the waybill.
    if (response.data === null) throw ticketsError('GRAPH_UNAVAILABLE', 'The waybill’s live data could not be read just now; try again');
    numbers.forEach((no, i) => {
      const alias = `w${i}`;
      const raw = response.data?.[alias] ?? null;
      const failed = response.errors.find((e) => e.path?.[0] === alias && e.extensions?.code !== 'NOT_FOUND');
      // Only the root field's own failure means "unknown"; a failed nested field (ETA, courier) leaves the rest usable.
      if (!raw && failed) throw ticketsError('GRAPH_UNAVAILABLE', 'The waybill’s live data could not be read just now; try again');
      result.set(no, raw ? toFacts(raw) : null);
    });
    return result;
  }
}

function toFacts(raw: RawWaybill): WaybillFacts {
  return {
    waybillNo: raw.waybillNo,
    originOutletId: raw.originOutlet?.id ?? null,
    destinationOutletId: raw.destinationOutlet?.id ?? null,
    holderOutletId: raw.lastScan?.location?.__typename === 'Outlet' ? raw.lastScan.location.id : null,
    status: raw.status,
    lastScanAt: date(raw.lastScanAt),
    lastScanPlace: raw.lastScan?.location?.name ?? null,
    etaFrom: date(raw.eta?.earliest),
    etaTo: date(raw.eta?.latest),
    courierName: raw.currentHolder?.name ?? null,
    courierPhone: raw.currentHolder?.phone ?? null,
    destinationOutletName: raw.destinationOutlet?.name ?? null,
    chargeCheckZh: raw.chargeCheck?.explanationZh ?? null,
  };
}
