import { estimateAt, estimateDelivery, FINAL_STATUSES, laneOf, type ServiceLevel, type WaybillStatus } from '@courierdesk/domain-parcel';
import { DeliveryEstimate } from './eta.type';

/** What an estimate reads of a stored waybill (a waybill row has it; the ETA never imports waybills). */
export interface EstimatedWaybill {
  status: WaybillStatus;
  serviceLevel: ServiceLevel;
  createdAt: Date;
  pickedUpAt: Date | null;
  lastEventAt: Date | null;
  originDistrictCode: string;
  destinationDistrictCode: string;
  destinationOutletId: string | null;
  currentPlaceKind: string | null;
  currentPlaceId: string | null;
}

/** Statuses with nothing left to estimate: delivered, waiting in a locker or station, or going back. */
const ARRIVED: readonly WaybillStatus[] = [...FINAL_STATUSES, 'AVAILABLE_FOR_PICKUP', 'RETURNING'];

/** False once nothing is left to estimate (the lane history need not be read). */
export const awaitsDelivery = (row: Pick<EstimatedWaybill, 'status'>): boolean => !ARRIVED.includes(row.status);

/**
 * The promise (承诺送达) of a waybill: its lane's history (estimateDelivery) counted from pickup, or
 * from the order time without a pickup scan. Also after delivery, when the ETA is gone but a delay
 * claim still needs the promise it was measured against.
 */
export function promiseOf(row: EstimatedWaybill, history: readonly number[]): ReturnType<typeof estimateDelivery> {
  const shippedAt = row.pickedUpAt ?? row.createdAt;
  return estimateDelivery({ shippedAt, lane: laneOf(row.originDistrictCode, row.destinationDistrictCode), serviceLevel: row.serviceLevel, history });
}

/**
 * The expected delivery (预计送达) of a waybill at `now`. The promise comes from its lane's history
 * (estimateDelivery), counted from pickup, or from the order time while there is no pickup scan (the
 * basis says so); once it has passed undelivered, the parcel is late and re-estimated from where it
 * is (estimateAt: its status, last scan, whether that was at the destination outlet). Null once
 * nothing is left to estimate.
 */
export function etaOf(row: EstimatedWaybill, history: readonly number[], now: Date): DeliveryEstimate | null {
  if (!awaitsDelivery(row)) return null;
  const shippedAt = row.pickedUpAt ?? row.createdAt;
  const estimate = promiseOf(row, history);
  const promise = { ...estimate, basis: row.pickedUpAt ? estimate.basis : `${estimate.basis}; counted from the order time: no pickup scan yet` };
  const position = {
    status: row.status,
    lastEventAt: row.lastEventAt,
    atDestination: row.currentPlaceKind === 'OUTLET' && row.currentPlaceId === row.destinationOutletId,
  };
  return Object.assign(new DeliveryEstimate(), estimateAt(promise, shippedAt, position, now));
}
