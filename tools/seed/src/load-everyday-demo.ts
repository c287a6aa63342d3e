import type { DataSource } from 'typeorm';
import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { DEMO_CATALOGUES, DEMO_TARIFFS, priceWith, TARIFF_2026_2 } from '@courierdesk/domain-tariff';
import { Role, ROLE_SCOPES, type Identity } from '@courierdesk/platform-auth';
import { createTicketsServices } from '@courierdesk/tickets';
import { createTrackingServices, NETWORK_WIDE, TRACKING_DB_SCHEMA, type SearchedWaybill } from '@courierdesk/tracking';
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
  partnerOutletId: string,
): Promise<{ waybillNo: string; ticketNumber: string; ticketId: string } | null> {
  // A lane between two outlets other than the demo partner’s: its view of the desk stays what the tickets demo made it.
  const [lane] = (await sources.tracking.query(
    `SELECT origin_outlet_id::text AS origin, destination_outlet_id::text AS destination, origin_district_code AS "from", destination_district_code AS "to"
       FROM "${TRACKING_DB_SCHEMA}".waybill
      WHERE status = 'DELIVERED' AND origin_outlet_id <> destination_outlet_id AND origin_outlet_id <> $1 AND destination_outlet_id <> $1
      ORDER BY waybill_no LIMIT 1`,
    [partnerOutletId],
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
  return { waybillNo: OVERCHARGED_DEMO_WAYBILL, ticketNumber: row.number, ticketId: row.id };
}

/** What {@link loadHeadlessDemo} registered and searched. */
export interface HeadlessDemoCounts {
  /** Headless parcels registered (the true one and its decoys). */
  parcels: number;
  /** The waybill reported lost whose search proposes them. */
  waybillNo: string;
  /** The rank the true parcel got in the recorded search (1 when the matcher is right). */
  trueParcelRank: number | null;
}

const HEADLESS_DESCRIPTION = '蓝色纸箱 运动鞋';

/**
 * Headless parcels (无头件) for the demo, around a waybill reported lost (the claims demo's lost
 * parcel, insured if there is one): the hub or outlet of its last scan registers the parcel that lost its label
 * there — its weight, a blue carton of trainers, found hours after the last scan — and four decoys:
 * a carton of clothes of about its weight found later at the same place (proposed, ranked below),
 * twice the weight at the same place (excluded), one found days before the parcel got there, one at
 * a hub off its route (neither a candidate).
 * An HQ agent's search is recorded before the claim is filed, so the claim shows it. Made through
 * the tracking services; null when the waybill is delivered or was never scanned.
 */
export async function loadHeadlessDemo(tracking: DataSource, waybillNo: string, now: Date): Promise<HeadlessDemoCounts | null> {
  const [w] = (await tracking.query(
    `SELECT waybill_no AS "waybillNo", status, contents, created_at AS "createdAt", origin_outlet_id::text AS "originOutletId", destination_outlet_id::text AS "destinationOutletId",
            weight_grams AS "weightGrams", current_place_kind AS "placeKind", current_place_id::text AS "placeId", last_scan_at AS "lastScanAt"
       FROM "${TRACKING_DB_SCHEMA}".waybill WHERE waybill_no = $1`,
    [waybillNo],
  )) as { waybillNo: string; status: string; contents: string | null; createdAt: Date; originOutletId: string; destinationOutletId: string; weightGrams: number; placeKind: 'HUB' | 'OUTLET' | null; placeId: string | null; lastScanAt: Date | null }[];
  if (!w || !w.placeKind || !w.placeId || !w.lastScanAt || ['DELIVERED', 'RETURNED'].includes(w.status)) return null;
  const [elsewhere] = (await tracking.query(
    `SELECT location_id::text AS id FROM "${TRACKING_DB_SCHEMA}".scan_event WHERE location_kind = 'HUB' AND location_id <> $1 AND event_time > now() - interval '20 days' LIMIT 1`,
    [w.placeId],
  )) as { id: string }[];
  const services = createTrackingServices(tracking, { now: () => now });
  const last = new Date(w.lastScanAt).getTime();
  const found = (hoursAfterLastScan: number) => new Date(Math.min(last + hoursAfterLastScan * HOUR, now.getTime() - HOUR));
  const at = { foundPlaceKind: w.placeKind, foundPlaceId: w.placeId };
  const parcels = [
    { ...at, foundAt: found(8), weightGrams: Math.round(w.weightGrams * 1.03), lengthCm: 50, widthCm: 35, heightCm: 30, packaging: '蓝色纸箱外套透明塑料袋，面单脱落', contents: '运动鞋若干双，鞋盒装', photoRef: 'oss://headless/demo-1.jpg' },
    // Within the weight tolerance at the same place, later, other goods: proposed, ranked below.
    { ...at, foundAt: found(30), weightGrams: Math.round(w.weightGrams * 1.08), lengthCm: 60, widthCm: 40, heightCm: 40, packaging: '黄色纸箱，胶带缠绕', contents: '衣物若干', photoRef: 'oss://headless/demo-2.jpg' },
    { ...at, foundAt: found(10), weightGrams: w.weightGrams * 2 + 500, lengthCm: 60, widthCm: 40, heightCm: 40, packaging: '黄色纸箱', contents: '厨房用品', photoRef: 'oss://headless/demo-3.jpg' },
    { ...at, foundAt: new Date(last - 72 * HOUR), weightGrams: w.weightGrams, lengthCm: 50, widthCm: 35, heightCm: 30, packaging: '蓝色纸箱', contents: '运动鞋', photoRef: 'oss://headless/demo-4.jpg' },
    ...(elsewhere ? [{ foundPlaceKind: 'HUB' as const, foundPlaceId: elsewhere.id, foundAt: found(9), weightGrams: w.weightGrams, lengthCm: 50, widthCm: 35, heightCm: 30, packaging: '蓝色纸箱', contents: '运动鞋', photoRef: 'oss://headless/demo-5.jpg' }] : []),
  ];
  const registered: { id: string }[] = [];
  for (const parcel of parcels) registered.push(await services.headlessParcels.register('seed-hub-desk', NETWORK_WIDE, parcel));
  const { proposals } = await services.headlessMatches.search(DEMO_AGENT, { ...w, status: w.status as SearchedWaybill['status'], createdAt: new Date(w.createdAt) }, { description: HEADLESS_DESCRIPTION });
  const trueRank = proposals.find((p) => p.headlessParcelId === registered[0].id)?.rank ?? null;
  return { parcels: registered.length, waybillNo, trueParcelRank: trueRank };
}
