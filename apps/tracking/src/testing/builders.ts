import { randomUUID } from 'node:crypto';
import { makeWaybillNo, type NewWaybillFields, type ScanType } from '@courierdesk/domain-parcel';
import { newWaybillFields } from '@courierdesk/domain-parcel/testing';
import type { ScanInput } from '../ingest/scan-batch';
import type { TrackingServices } from '../tracking.services';

// Builders go through the services (the same validation, state and watch as GraphQL), on the
// test file's own database; numbers and ids are unique per file.
let sequence = 0;
let events = 0;

/** A fresh network id (outlet, transit centre or courier): tracking stores keys, never reads network's rows. */
export const networkId = (): string => randomUUID();

/** The next waybill number of this file. */
export const nextWaybillNo = (): string => makeWaybillNo(++sequence);

/** A valid new waybill: Shenzhen 南山 → Beijing 朝阳, STANDARD, unless overridden. */
export function newWaybill(over: Partial<NewWaybillFields> = {}): NewWaybillFields {
  return newWaybillFields({ waybillNo: nextWaybillNo(), originOutletId: networkId(), destinationOutletId: networkId(), ...over });
}

/** Creates a waybill through the service; returns its input (number, outlets …). */
export async function buildWaybill(services: TrackingServices, over: Partial<NewWaybillFields> = {}): Promise<NewWaybillFields> {
  const input = newWaybill(over);
  const [result] = await services.creation.createMany(null, [input]);
  if (result.status !== 'CREATED') throw new Error(`buildWaybill: ${JSON.stringify(result)}`);
  return input;
}

/** Where a scan of this type happens by default. */
export interface Route {
  origin: string;
  hub: string;
  destination: string;
  courier: string;
}

/** A route for a waybill: its outlets, a transit centre and a courier. */
export const routeOf = (waybill: NewWaybillFields, hub = networkId(), courier = networkId()): Route => ({
  origin: waybill.originOutletId,
  hub,
  destination: waybill.destinationOutletId,
  courier,
});

/** A valid scan as a scanner sends it, with the defaults its type needs on this route. */
export function scanOf(waybillNo: string, route: Route, type: ScanType, eventTime: Date, over: Partial<ScanInput> = {}): ScanInput {
  const at = (kind: 'HUB' | 'OUTLET', id: string) => ({ kind, id });
  const defaults: Partial<Record<ScanType, Partial<ScanInput>>> = {
    PICKED_UP: { location: at('OUTLET', route.origin) },
    ARRIVED_AT_HUB: { location: at('HUB', route.hub) },
    DEPARTED_HUB: { location: at('HUB', route.hub) },
    ARRIVED_AT_OUTLET: { location: at('OUTLET', route.destination) },
    OUT_FOR_DELIVERY: { location: at('OUTLET', route.destination), courierId: route.courier },
    SIGNED: { location: at('OUTLET', route.destination), signer: { kind: 'RECIPIENT', name: '李四' } },
    DELIVERY_FAILED: { location: at('OUTLET', route.destination), failureReason: 'NOBODY_HOME' },
    PROBLEM_REPORTED: { location: at('OUTLET', route.destination), problemCode: 'ADDRESS_UNCLEAR' },
    HELD: { location: at('HUB', route.hub) },
    RELEASED: { location: at('HUB', route.hub) },
  };
  return { eventId: `scan-${++events}`, waybillNo, type, eventTime: eventTime.toISOString(), ...defaults[type], ...over };
}

/** The usual journey: pickup, hub in and out, destination outlet, out for delivery, signed — `hours` after `from` each. */
export function journey(waybillNo: string, route: Route, from: Date, hours = 6): ScanInput[] {
  const types: ScanType[] = ['PICKED_UP', 'ARRIVED_AT_HUB', 'DEPARTED_HUB', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'SIGNED'];
  return types.map((type, i) => scanOf(waybillNo, route, type, new Date(from.getTime() + (i + 1) * hours * 3_600_000)));
}
