import { selectList, withDates, type ColumnTable } from '@courierdesk/platform-subgraph';
import type { RecordedHeadlessSearch, StoredDecision } from './claim-decision';

/** A stored claim (理赔单), as every read returns it. Never exposed as such: claim.type.ts is the contract. */
export interface ClaimRow {
  id: string;
  number: string;
  kind: string;
  claimant: string;
  waybillNo: string;
  ticketId: string | null;
  claimedFen: number;
  status: string;
  version: number;
  filedAt: Date;
  filedBy: string;
  filedByOutletId: string | null;
  originOutletId: string | null;
  destinationOutletId: string | null;
  refusalCause: string | null;
  actualValueFen: number | null;
  actualLossFen: number | null;
  notifiedOfCap: boolean | null;
  intentOrGrossNegligence: boolean | null;
  exemption: string | null;
  description: string | null;
  promisedAt: Date | null;
  decision: StoredDecision | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  approvedFen: number | null;
  bearingPlaceKind: string | null;
  bearingPlaceId: string | null;
  ruleVersion: string | null;
  rejectionReason: string | null;
  acknowledgedAt: Date | null;
  agreedAt: Date | null;
  paidAt: Date | null;
  withdrawnAt: Date | null;
  updatedAt: Date;
  /** A lost parcel: the newest headless-parcel search (无头件查找) seen on the waybill at filing, decision, approval or payment. */
  headlessSearch: RecordedHeadlessSearch | null;
}

type P = keyof ClaimRow;

// Money is bigint in the table and a JavaScript number here: whole fen up to 2^53 − 1 are exact.
const COLUMNS: ColumnTable<P> = [
  ['id', 'id'], ['number', 'number'], ['kind', 'kind'], ['claimant', 'claimant'], ['waybill_no', 'waybillNo'], ['ticket_id', 'ticketId'],
  ['claimed_fen::float8', 'claimedFen'], ['status', 'status'], ['version', 'version'], ['filed_at', 'filedAt'], ['filed_by', 'filedBy'],
  ['filed_by_outlet_id', 'filedByOutletId'], ['origin_outlet_id', 'originOutletId'], ['destination_outlet_id', 'destinationOutletId'],
  ['refusal_cause', 'refusalCause'], ['actual_value_fen::float8', 'actualValueFen'], ['actual_loss_fen::float8', 'actualLossFen'],
  ['notified_of_cap', 'notifiedOfCap'], ['intent_or_gross_negligence', 'intentOrGrossNegligence'], ['exemption', 'exemption'],
  ['description', 'description'], ['promised_at', 'promisedAt'], ['decision', 'decision'], ['decided_at', 'decidedAt'], ['decided_by', 'decidedBy'],
  ['approved_fen::float8', 'approvedFen'], ['bearing_place_kind', 'bearingPlaceKind'], ['bearing_place_id', 'bearingPlaceId'],
  ['rule_version', 'ruleVersion'], ['rejection_reason', 'rejectionReason'], ['acknowledged_at', 'acknowledgedAt'], ['agreed_at', 'agreedAt'],
  ['paid_at', 'paidAt'], ['withdrawn_at', 'withdrawnAt'], ['updated_at', 'updatedAt'], ['headless_search', 'headlessSearch'],
];

const TIMESTAMPS = new Set<P>(['filedAt', 'promisedAt', 'decidedAt', 'acknowledgedAt', 'agreedAt', 'paidAt', 'withdrawnAt', 'updatedAt']);

/** The select list of a whole claim row under alias `c`; timestamps travel as epoch milliseconds. */
export const CLAIM_COLUMNS = selectList('c', COLUMNS, { epochMs: TIMESTAMPS });

/** A raw row selected with CLAIM_COLUMNS, made a ClaimRow. */
export const claimRowOf = (raw: Record<string, unknown>): ClaimRow => withDates<ClaimRow>(raw, TIMESTAMPS);

/** Columns of the claim table by row property (for UPDATE … SET built from a change set). */
export const COLUMN_OF: Readonly<Record<P, string>> = Object.fromEntries(COLUMNS.map(([column, property]) => [property, column.replace(/::\w+$/, '')])) as Record<P, string>;
