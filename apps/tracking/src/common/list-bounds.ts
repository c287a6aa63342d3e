import { ANOMALY_CODES } from '@courierdesk/domain-parcel';

/** Most scans one recordScans call takes: a scanner's upload, bounded so one transaction stays short. */
export const MAX_SCANS_PER_CALL = 1000;

/** Most waybills one createWaybills call takes. */
export const MAX_WAYBILLS_PER_CALL = 1000;

/**
 * Sizes the gateway's cost estimate assumes for tracking's lists without paging
 * (`@listSize(assumedSize:)`); paged lists are connections.
 */

/**
 * Scans of one waybill (物流轨迹). A parcel's journey is about 8 scans (pickup, 2–4 hubs, outlet,
 * delivery; the demo averages 8); three failed deliveries and a return stay under 30. Not cut
 * where read (a timeline is evidence): a longer one is held by the gateway's response cap.
 */
export const ASSUMED_TIMELINE_LENGTH = 50;

/** Anomalies of one waybill now: each rule fires at most once, one code each. */
export const MAX_ANOMALIES = ANOMALY_CODES.length;

/** Reasons one item of a batch is refused: at most one per checked field (~16 checks). */
export const MAX_ITEM_REASONS = 20;

/** One result per scan of a call, which takes at most MAX_SCANS_PER_CALL. */
export const MAX_SCAN_RESULTS = MAX_SCANS_PER_CALL;

/** One result per waybill of a call, which takes at most MAX_WAYBILLS_PER_CALL. */
export const MAX_WAYBILL_RESULTS = MAX_WAYBILLS_PER_CALL;
