import { canonicalId } from '@courierdesk/domain-core';
import { parseWaybillNo, ParcelRuleError } from '@courierdesk/domain-parcel';
import { isUuid, NETWORK_ID_FORM } from '../common/ids';
import { trackingError } from '../common/tracking.errors';
import type { AnomalyFilter } from './waybill-finder.service';
import type { WaybillFilter } from './waybill.input';
import type { WaybillCriteria, WaybillOrder } from './waybill-list.query';

/** A validated list request: criteria, order and the anomaly filter (null: none). */
export interface WaybillListRequest {
  criteria: WaybillCriteria;
  order: WaybillOrder;
  anomalies: AnomalyFilter | null;
}

function range(from: Date | null | undefined, to: Date | null | undefined, what: string): void {
  if (from && to && from > to) throw trackingError('INVALID_TIME_RANGE', `filter.${what}From must not be after filter.${what}To`);
}

// What a client sent, as an error repeats it: quoted and cut short.
const shown = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** An outlet or transit centre id given by a client in argument `what`; INVALID_REFERENCE_ID unless it is a UUID. */
export function referenceId(id: string, what: string): string {
  if (!isUuid(id)) throw trackingError('INVALID_REFERENCE_ID', `${what}: expected a ${NETWORK_ID_FORM}; got ${shown(id)}`);
  return canonicalId(id);
}

/** A waybill number given by a client in argument `what`, normalised; INVALID_WAYBILL_NO (BAD_USER_INPUT) naming the argument. */
export function waybillNoArgument(text: string, what: string): string {
  try {
    return parseWaybillNo(text);
  } catch (error) {
    if (error instanceof ParcelRuleError) throw new ParcelRuleError(error.code, `${what}: ${error.message}`, error.details);
    throw error;
  }
}

/** Validates the waybill list filter (BAD_USER_INPUT: INVALID_TIME_RANGE, CONFLICTING_TIME_FILTERS, INVALID_REFERENCE_ID). */
export function waybillListRequest(filter: WaybillFilter | null | undefined): WaybillListRequest {
  const f = filter ?? {};
  const byCreation = Boolean(f.createdFrom || f.createdTo);
  const byLastScan = Boolean(f.lastScanFrom || f.lastScanTo);
  if (byCreation && byLastScan) throw trackingError('CONFLICTING_TIME_FILTERS', 'Filter by creation time or by last scan time, not both');
  range(f.createdFrom, f.createdTo, 'created');
  range(f.lastScanFrom, f.lastScanTo, 'lastScan');
  return {
    criteria: {
      ofOutlets: f.outletId ? [referenceId(f.outletId, 'filter.outletId')] : [],
      statuses: f.statuses ?? undefined,
      createdFrom: f.createdFrom ?? undefined,
      createdTo: f.createdTo ?? undefined,
      lastScanFrom: f.lastScanFrom ?? undefined,
      lastScanTo: f.lastScanTo ?? undefined,
    },
    order: byLastScan ? 'LAST_SCAN' : 'CREATED',
    anomalies: f.anomalies ? { codes: f.anomalies } : null,
  };
}
