import type { DataSource } from 'typeorm';
import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { DEMO_CATALOGUES, DEMO_TARIFFS, priceWith, TARIFF_2026_2 } from '@courierdesk/domain-tariff';
import { Role, ROLE_SCOPES, type Identity } from '@courierdesk/platform-auth';
import { createTicketsServices } from '@courierdesk/tickets';
import { createTrackingServices, TRACKING_DB_SCHEMA } from '@courierdesk/tracking';
import { NO_ESCALATION_CONTACTS, WaybillRowsDirectory } from './load-tickets-demo';
import { DEMO_AGENT } from './tickets-demo';

const HOUR = 3_600_000;

/** The demo's overcharged waybill: a 2.8 m rolled carpet charged the old 2.5 m oversize rule after it changed. */
export const OVERCHARGED_DEMO_WAYBILL = makeWaybillNo(98_000_000_001);

/** What {@link loadRuleVersions} added. */
export interface RuleVersionCounts {
  tariffs: number;
  catalogues: number;
}

/**
 * The demo tariff (two versions, across the oversize change of 2026-10-01) and the prohibited-items
 * catalogue, unless present: published versions are never replaced, so a restart adds nothing.
 */
export async function loadRuleVersions(tracking: DataSource): Promise<RuleVersionCounts> {
  const services = createTrackingServices(tracking);
  return {
    tariffs: await services.tariffs.loadMissing(DEMO_TARIFFS, 'seed'),
    catalogues: await services.catalogue.loadMissing(DEMO_CATALOGUES, 'seed'),
  };
}

const hqAgent: Identity = { subject: DEMO_AGENT, roles: [Role.AGENT], scopes: ROLE_SCOPES[Role.AGENT], outletId: null, tokenId: 'seed' };

/**
 * The everyday-answers demo on a first start: a waybill picked up two days ago, charged the old
 * oversize surcharge (2.8 m is not over 3.2 m since 2026-10-01), signed for, and an "overcharged"
 * complaint (乱收费) on it — Ticket.chargeCheck answers it at once. Made through the tracking and
 * tickets services, on an existing demo lane; returns the waybill and ticket, or null when the
 * demo has no delivered waybill to copy a lane from.
 */
export async function loadOverchargeDemo(
  sources: { tracking: DataSource; tickets: DataSource; network: DataSource },
  now: Date,
): Promise<{ waybillNo: string; ticketNumber: string } | null> {
  const [lane] = (await sources.tracking.query(
    `SELECT origin_outlet_id::text AS origin, destination_outlet_id::text AS destination, origin_district_code AS "from", destination_district_code AS "to"
       FROM "${TRACKING_DB_SCHEMA}".waybill WHERE status = 'DELIVERED' AND origin_outlet_id <> destination_outlet_id ORDER BY waybill_no LIMIT 1`,
  )) as { origin: string; destination: string; from: string; to: string }[];
  if (!lane) return null;
  const [courier] = (await sources.network.query(`SELECT id::text FROM network.courier WHERE outlet_id = $1 ORDER BY id LIMIT 1`, [lane.destination])) as { id: string }[];
  const pickedUp = new Date(now.getTime() - 50 * HOUR);
  const size = { length: 280, width: 30, height: 30 };
  const allowed = priceWith(TARIFF_2026_2, { originDistrictCode: lane.from, destinationDistrictCode: lane.to, serviceLevel: 'STANDARD', weightGrams: 18_000, dimensionsCm: size }, pickedUp);
  const tracking = createTrackingServices(sources.tracking, { now: () => now });
  const [created] = await tracking.creation.createMany(null, [
    {
      waybillNo: OVERCHARGED_DEMO_WAYBILL,
      serviceLevel: 'STANDARD',
      sender: { name: '周建华', phone: '13911112222', districtCode: lane.from, address: '家居城3号馆 地毯店' },
      recipient: { name: '陈晓燕', phone: '13800003333', districtCode: lane.to, address: '幸福里小区5号楼2单元301' },
      originOutletId: lane.origin,
      destinationOutletId: lane.destination,
      weightGrams: 18_000,
      declaredValueFen: 80_000,
      insuredValueFen: 0,
      freightFen: allowed.lines[0].amountFen,
      dimensions: { lengthCm: size.length, widthCm: size.width, heightCm: size.height },
      surcharges: [{ code: 'OVERSIZE', amountFen: 3000 }],
      createdAt: new Date(pickedUp.getTime() - HOUR),
    },
  ]);
  if (created.status !== 'CREATED') return null;
  const at = (kind: 'OUTLET', id: string) => ({ kind, id });
  const scans = [
    { type: 'PICKED_UP' as const, eventTime: pickedUp, location: at('OUTLET', lane.origin) },
    { type: 'ARRIVED_AT_OUTLET' as const, eventTime: new Date(pickedUp.getTime() + 30 * HOUR), location: at('OUTLET', lane.destination) },
    ...(courier
      ? [
          { type: 'OUT_FOR_DELIVERY' as const, eventTime: new Date(pickedUp.getTime() + 32 * HOUR), location: at('OUTLET', lane.destination), courierId: courier.id },
          { type: 'SIGNED' as const, eventTime: new Date(pickedUp.getTime() + 34 * HOUR), location: at('OUTLET', lane.destination), signer: { kind: 'RECIPIENT' as const, name: '陈晓燕' } },
        ]
      : []),
  ];
  await tracking.scans.record(scans.map((s, i) => ({ ...s, eventId: `demo-overcharge-${i}`, waybillNo: OVERCHARGED_DEMO_WAYBILL, eventTime: s.eventTime.toISOString() })));
  const [w] = (await sources.tracking.query(`SELECT status, created_at, last_scan_at FROM "${TRACKING_DB_SCHEMA}".waybill WHERE waybill_no = $1`, [OVERCHARGED_DEMO_WAYBILL])) as {
    status: string;
    created_at: Date;
    last_scan_at: Date | null;
  }[];
  const directory = new WaybillRowsDirectory([
    { waybillNo: OVERCHARGED_DEMO_WAYBILL, originOutletId: lane.origin, destinationOutletId: lane.destination, status: w.status, createdAt: w.created_at, lastScanAt: w.last_scan_at },
  ]);
  const openedAt = new Date(pickedUp.getTime() + 40 * HOUR);
  const desk = createTicketsServices(sources.tickets, { now: () => openedAt, waybills: directory, escalationChains: NO_ESCALATION_CONTACTS });
  const { row } = await desk.opening.open(hqAgent, {
    kind: 'COMPLAINT',
    reason: 'OVERCHARGED',
    channel: 'PHONE',
    title: '乱收费投诉：地毯被收超长附加费',
    description: '收件人来电：一卷2.8米的地毯，派件时说超长要加收30元。现在不是超过3.2米才收吗？',
    waybillNo: OVERCHARGED_DEMO_WAYBILL,
    callerName: '陈晓燕',
    callerPhone: '13800003333',
    callerRole: 'RECIPIENT',
  });
  return { waybillNo: OVERCHARGED_DEMO_WAYBILL, ticketNumber: row.number };
}
