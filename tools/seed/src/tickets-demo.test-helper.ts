import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { demoId } from './deterministic-id';
import type { TicketDemoWaybill } from './tickets-demo';

/** The demo partner outlet of the tickets demo's tests. */
export const PARTNER = demoId('outlet', 'partner');

/** Waybills between a handful of outlets (the partner among them), in every status the planner picks from. */
export function demoWaybills(now: Date, count = 240): TicketDemoWaybill[] {
  const outlets = [PARTNER, ...Array.from({ length: 5 }, (_, i) => demoId('outlet', `other-${i}`))];
  const statuses = ['IN_TRANSIT', 'DELIVERED', 'ARRIVED_AT_OUTLET', 'DELIVERED', 'DELIVERY_FAILED', 'DELIVERED', 'EXCEPTION', 'CREATED'];
  return Array.from({ length: count }, (_, i) => ({
    waybillNo: makeWaybillNo(500_000 + i),
    originOutletId: outlets[i % outlets.length],
    destinationOutletId: outlets[(i * 7 + 1) % outlets.length],
    status: statuses[i % statuses.length],
    createdAt: new Date(now.getTime() - (1 + (i % 20)) * 86_400_000),
    lastScanAt: new Date(now.getTime() - (i % 48) * 3_600_000),
  }));
}
