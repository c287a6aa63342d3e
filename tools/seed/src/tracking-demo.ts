import { makeWaybillNo, MAX_WAYBILL_SEQUENCE, type ServiceLevel, type SignerKind } from '@courierdesk/domain-parcel';
import { chinaDateOf, chinaTime } from '@courierdesk/domain-sla';
import type { DemoDeliveryArea, DemoOutlet, DemoTransitCentre, NetworkDemo } from './network-demo.types';
import { Random } from './prng';
import { failDelivery, forwardLeg, Journey, outlet, returnLeg, signerOf, type JourneyPlaces } from './tracking-journey';
import { recipientOf, senderOf } from './tracking-parties';
import {
  JourneyScenario,
  type DemoWaybill,
  type ResolvedTrackingDemoOptions,
  type TrackingDemo,
  type TrackingDemoOptions,
  type WaybillHistory,
} from './tracking-demo.types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The mix of stories: about four in five parcels go as they should; the rest are the CS work queue. */
export const SCENARIO_WEIGHTS: ReadonlyArray<readonly [JourneyScenario, number]> = [
  [JourneyScenario.NORMAL, 80],
  [JourneyScenario.SIGNED_BY_OTHER, 4],
  [JourneyScenario.SIGNED_WITHOUT_OUT_FOR_DELIVERY, 1.5],
  [JourneyScenario.STALLED_AT_HUB, 1.5],
  [JourneyScenario.STALLED_AT_OUTLET, 1.5],
  [JourneyScenario.STALLED_IN_TRANSIT, 1],
  [JourneyScenario.NO_PICKUP, 2.5],
  [JourneyScenario.REPEATED_DELIVERY_FAILURE, 3],
  [JourneyScenario.REFUSED_RETURN, 3.5],
  [JourneyScenario.HELD, 0.75],
  [JourneyScenario.MISSORTED, 0.75],
];

// Stories told against the clock: the anomaly must be showing at `now`, so they are placed backwards
// from it (an anchor scan a given age before now); the others start at a free creation time.
const ANCHORED: ReadonlySet<JourneyScenario> = new Set<JourneyScenario>([
  'STALLED_AT_HUB', 'STALLED_AT_OUTLET', 'STALLED_IN_TRANSIT', 'NO_PICKUP', 'REPEATED_DELIVERY_FAILURE',
]);

const SERVICE_LEVEL_WEIGHTS: ReadonlyArray<readonly [ServiceLevel, number]> = [['STANDARD', 70], ['EXPRESS', 20], ['ECONOMY', 10]];
const OTHER_SIGNERS: ReadonlyArray<readonly [SignerKind, number]> = [
  ['GUARD', 3], ['MAILROOM', 2], ['PROPERTY_OFFICE', 2], ['NEIGHBOUR', 2], ['FAMILY', 3], ['COLLEAGUE', 2], ['OTHER', 1], ['LOCKER', 3], ['STATION', 3],
];

/** The most recent 双十一 week (Nov 8–14, China dates) that has ended by `now`. */
function peakWeekBefore(now: Date): { start: Date; end: Date } {
  let year = chinaDateOf(now).year;
  if (chinaTime(year, 11, 15).getTime() > now.getTime()) year -= 1;
  return { start: chinaTime(year, 11, 8), end: chinaTime(year, 11, 15) };
}

/** Checks the options and fills in the defaults. */
export function resolveTrackingDemoOptions(options: TrackingDemoOptions): ResolvedTrackingDemoOptions {
  const { waybills, now } = options;
  if (!Number.isInteger(waybills) || waybills < 0) throw new RangeError(`waybills must be a whole number ≥ 0, got ${waybills}`);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const days = options.days ?? 30;
  if (!(days > 0 && days <= 300)) throw new RangeError(`days must be within (0, 300], got ${days}`);
  const firstSequence = options.firstSequence ?? 1;
  if (!Number.isInteger(firstSequence) || firstSequence < 1 || firstSequence + waybills - 1 > MAX_WAYBILL_SEQUENCE) {
    throw new RangeError(`waybill sequences ${firstSequence}… do not fit 1–${MAX_WAYBILL_SEQUENCE}`);
  }
  const peakSeasonShare = options.peakSeasonShare ?? 0.08;
  if (!(peakSeasonShare >= 0 && peakSeasonShare <= 1)) throw new RangeError(`peakSeasonShare must be within [0, 1], got ${peakSeasonShare}`);
  return { waybills, seed, now, days, firstSequence, peakSeasonShare, peakWeek: peakWeekBefore(now) };
}

interface OutletInfo {
  outlet: DemoOutlet;
  centre: DemoTransitCentre;
  areas: DemoDeliveryArea[];
}

/**
 * Generates one waybill's history at a time, each from its own random stream (seed and sequence),
 * so a history never depends on which others were generated: the demo takes a few thousand into
 * memory, the volume loader streams millions through in constant memory.
 */
export class TrackingHistoryGenerator {
  readonly options: ResolvedTrackingDemoOptions;
  private readonly outlets: OutletInfo[];
  private readonly outletsByCity = new Map<string, OutletInfo[]>();
  private readonly trunkByProvince = new Map<string, DemoTransitCentre>();

  constructor(network: NetworkDemo, options: TrackingDemoOptions) {
    this.options = resolveTrackingDemoOptions(options);
    const centres = new Map(network.transitCentres.map((c) => [c.id, c]));
    const areasByOutlet = new Map<string, DemoDeliveryArea[]>();
    for (const area of network.deliveryAreas) areasByOutlet.set(area.outletId, [...(areasByOutlet.get(area.outletId) ?? []), area]);
    this.outlets = network.outlets
      .filter((o) => (areasByOutlet.get(o.id)?.length ?? 0) > 0 && centres.has(o.transitCentreId))
      .map((o) => ({ outlet: o, centre: centres.get(o.transitCentreId)!, areas: areasByOutlet.get(o.id)! }));
    if (this.outlets.length === 0) throw new RangeError('the network demo has no outlet with delivery areas');
    for (const info of this.outlets) this.outletsByCity.set(info.outlet.cityCode, [...(this.outletsByCity.get(info.outlet.cityCode) ?? []), info]);
    // Provincial trunk hubs (省级枢纽): the capital's centre (city code <province>01), else the first.
    for (const centre of network.transitCentres) {
      const current = this.trunkByProvince.get(centre.provinceCode);
      if (!current || (centre.cityCode === `${centre.provinceCode}01` && current.cityCode !== centre.cityCode)) this.trunkByProvince.set(centre.provinceCode, centre);
    }
  }

  /** Hub-and-spoke: same city through its centre; across provinces through the provincial trunk hubs. */
  private routeOf(from: DemoTransitCentre, to: DemoTransitCentre): DemoTransitCentre[] {
    if (from.id === to.id) return [from];
    const route = [from];
    if (from.provinceCode !== to.provinceCode) {
      for (const trunk of [this.trunkByProvince.get(from.provinceCode), this.trunkByProvince.get(to.provinceCode)]) {
        if (trunk && trunk.id !== route[route.length - 1].id && trunk.id !== to.id) route.push(trunk);
      }
    }
    route.push(to);
    return route;
  }

  /** The waybill with this sequence and its scans up to `now`. */
  history(sequence: number): WaybillHistory {
    const { seed, now, days, peakWeek, peakSeasonShare } = this.options;
    const r = Random.for(seed, `waybill:${sequence}`);
    const waybillNo = makeWaybillNo(sequence);
    let scenario = r.weighted(SCENARIO_WEIGHTS);
    const origin = r.pick(this.outlets);
    const destination = r.next() < 0.25 ? r.pick(this.outletsByCity.get(origin.outlet.cityCode)!) : r.pick(this.outlets);
    const senderArea = r.pick(origin.areas);
    const recipientArea = r.pick(destination.areas);
    const sender = senderOf(r, senderArea);
    const recipient = recipientOf(r, recipientArea);
    const serviceLevel = r.weighted(SERVICE_LEVEL_WEIGHTS);
    const places: JourneyPlaces = {
      origin: origin.outlet,
      destination: destination.outlet,
      pickupCourierId: senderArea.courierId,
      deliveryCourierId: recipientArea.courierId,
      route: this.routeOf(origin.centre, destination.centre),
      serviceLevel,
      recipientName: recipient.name,
    };
    const wrongOutlets = (this.outletsByCity.get(destination.outlet.cityCode) ?? []).filter((o) => o !== destination);
    if (scenario === 'MISSORTED' && wrongOutlets.length === 0) scenario = 'NORMAL';
    const peakSeason = !ANCHORED.has(scenario) && r.next() < peakSeasonShare;
    const window = peakSeason
      ? { from: peakWeek.start.getTime(), to: Math.min(peakWeek.end.getTime(), now.getTime()) }
      : { from: now.getTime() - days * DAY_MS, to: now.getTime() };
    const created = Math.floor((window.from + r.next() * (window.to - window.from)) / 1000) * 1000;
    const j = new Journey(r, waybillNo, created, peakSeason ? 1.5 + r.next() * 0.7 : 1);

    // The anchor: a scan placed a given age before now (whole days moved, so working hours hold).
    let anchor: { index: number; minHours: number; maxHours: number } | null = null;
    switch (scenario) {
      case 'NORMAL':
        forwardLeg(j, places);
        deliver(j, r, places);
        break;
      case 'SIGNED_BY_OTHER':
        forwardLeg(j, places);
        j.deliveryWave().scan('OUT_FOR_DELIVERY', outlet(places.destination), { courierId: places.deliveryCourierId });
        signed(j, r, places, r.weighted(OTHER_SIGNERS));
        break;
      case 'SIGNED_WITHOUT_OUT_FOR_DELIVERY':
        forwardLeg(j, places);
        j.wait(0.5, 8);
        signed(j, r, places, r.next() < 0.5 ? 'RECIPIENT' : r.weighted(OTHER_SIGNERS));
        break;
      case 'STALLED_AT_HUB':
        anchor = { index: r.pick(forwardLeg(j, places)!.hubArrivals), minHours: 96, maxHours: 144 };
        break;
      case 'STALLED_AT_OUTLET':
        anchor = { index: forwardLeg(j, places)!.outletArrival, minHours: 96, maxHours: 144 };
        break;
      case 'STALLED_IN_TRANSIT':
        anchor = { index: forwardLeg(j, places)!.lastDeparture, minHours: 72, maxHours: 144 };
        break;
      case 'NO_PICKUP':
        break;
      case 'REPEATED_DELIVERY_FAILURE':
        forwardLeg(j, places);
        repeatedFailures(j, r, places);
        anchor = { index: j.last, minHours: 2, maxHours: 60 };
        break;
      case 'REFUSED_RETURN':
        forwardLeg(j, places);
        j.deliveryWave().scan('OUT_FOR_DELIVERY', outlet(places.destination), { courierId: places.deliveryCourierId });
        j.wait(0.3, 4);
        failDelivery(j, r, places, 'REFUSED');
        j.wait(0.3, 3).scan('PROBLEM_REPORTED', outlet(places.destination), { problemCode: 'REFUSED', note: '收件人拒收，待寄件人确认' });
        j.wait(12, 48).scan('RETURN_STARTED', outlet(places.destination), { problemCode: 'REFUSED', note: '寄件人确认退回' });
        returnLeg(j, places, null);
        break;
      case 'HELD':
        if (forwardLeg(j, places, { hold: r.next() < 0.6 ? 'RELEASE' : 'RETURN' })) deliver(j, r, places);
        break;
      case 'MISSORTED':
        forwardLeg(j, places, { missortTo: r.pick(wrongOutlets).outlet });
        deliver(j, r, places);
        break;
    }

    let createdAt = created;
    let events = j.events;
    if (scenario === 'NO_PICKUP') {
      createdAt = now.getTime() - Math.round((30 + r.next() * 114) * HOUR_MS);
    } else if (anchor) {
      const at = events[anchor.index].eventTime.getTime();
      const lo = Math.ceil((now.getTime() - anchor.maxHours * HOUR_MS - at) / DAY_MS);
      const hi = Math.floor((now.getTime() - anchor.minHours * HOUR_MS - at) / DAY_MS);
      const shift = r.int(lo, Math.max(lo, hi)) * DAY_MS;
      createdAt = created + shift;
      events = events.slice(0, anchor.index + 1);
      for (const e of events) e.eventTime = new Date(e.eventTime.getTime() + shift);
    }
    events = events.filter((e) => e.eventTime.getTime() <= now.getTime());
    const waybill: DemoWaybill = {
      sequence,
      waybillNo,
      serviceLevel,
      sender,
      recipient,
      originOutletId: origin.outlet.id,
      destinationOutletId: destination.outlet.id,
      ...parcelOf(r, serviceLevel, places.route.length === 1 ? 0 : origin.outlet.provinceCode === destination.outlet.provinceCode ? 1 : 2),
      createdAt: new Date(createdAt),
      scenario,
      peakSeason,
    };
    return { waybill, events };
  }
}

/** Out for delivery and signed: mostly by the recipient, sometimes after a failed attempt, sometimes via a locker or station then collected. */
function deliver(j: Journey, r: Random, p: JourneyPlaces): void {
  j.deliveryWave();
  if (r.next() < 0.08) {
    j.scan('OUT_FOR_DELIVERY', outlet(p.destination), { courierId: p.deliveryCourierId });
    j.wait(0.5, 4);
    failDelivery(j, r, p, r.pick(['NOBODY_HOME', 'RESCHEDULED_BY_RECIPIENT', 'RECIPIENT_UNREACHABLE'] as const));
    j.deliveryWave();
  }
  j.scan('OUT_FOR_DELIVERY', outlet(p.destination), { courierId: p.deliveryCourierId });
  const pickupPoint = r.next() < 0.15;
  signed(j, r, p, pickupPoint ? (r.next() < 0.5 ? 'LOCKER' : 'STATION') : 'RECIPIENT');
  if (pickupPoint) j.wait(0.5, 30).scan('COLLECTED_BY_RECIPIENT', outlet(p.destination));
}

function signed(j: Journey, r: Random, p: JourneyPlaces, kind: SignerKind): void {
  j.wait(0.3, 5).scan('SIGNED', outlet(p.destination), { courierId: p.deliveryCourierId, signer: signerOf(r, kind, p.recipientName) });
}

/** Two or three failed attempts; then a problem report (问题件), or nothing yet. */
function repeatedFailures(j: Journey, r: Random, p: JourneyPlaces): void {
  const reasons = ['RECIPIENT_UNREACHABLE', 'NOBODY_HOME', 'ADDRESS_INCOMPLETE', 'RESCHEDULED_BY_RECIPIENT', 'ADDRESS_WRONG'] as const;
  const attempts = r.next() < 0.35 ? 3 : 2;
  let reason: (typeof reasons)[number] = r.pick(reasons);
  for (let i = 0; i < attempts; i++) {
    j.deliveryWave().scan('OUT_FOR_DELIVERY', outlet(p.destination), { courierId: p.deliveryCourierId });
    j.wait(0.5, 4);
    failDelivery(j, r, p, reason);
    if (r.next() < 0.4) reason = r.pick(reasons);
  }
  if (r.next() < 0.5) {
    const problemCode = reason === 'RECIPIENT_UNREACHABLE' || reason === 'NOBODY_HOME' ? 'RECIPIENT_UNREACHABLE' : 'ADDRESS_UNCLEAR';
    j.wait(0.5, 3).scan('PROBLEM_REPORTED', outlet(p.destination), { problemCode, note: '多次派送失败，登记问题件' });
  }
}

/** Weight, declared and insured value, freight (fen) of a parcel; distance 0 same city, 1 same province, 2 across. */
function parcelOf(r: Random, level: ServiceLevel, distance: 0 | 1 | 2) {
  const weightGrams = r.weighted<[number, number]>([[[100, 500], 35], [[500, 2000], 40], [[2000, 10_000], 20], [[10_000, 30_000], 5]]);
  const grams = r.int(weightGrams[0], weightGrams[1]);
  const base = [r.int(800, 1000), r.int(1000, 1300), r.int(1200, 1800)][distance];
  const perKg = [200, 400, 800][distance];
  const extraKg = Math.max(0, Math.ceil((grams - 1000) / 1000));
  const factor = level === 'EXPRESS' ? 2 : level === 'ECONOMY' ? 0.8 : 1;
  const declaredValueFen = r.next() < 0.6 ? r.int(10, 3000) * 100 : 0;
  return {
    weightGrams: grams,
    declaredValueFen,
    insuredValueFen: declaredValueFen > 0 && r.next() < 0.15 ? declaredValueFen : 0,
    freightFen: Math.round((base + extraKg * perKg) * factor),
  };
}

/** Generates waybills and their scan histories on a demo network: deterministic, no database. */
export function generateTrackingDemo(network: NetworkDemo, options: TrackingDemoOptions): TrackingDemo {
  const generator = new TrackingHistoryGenerator(network, options);
  const { firstSequence, waybills } = generator.options;
  const histories: WaybillHistory[] = [];
  const byScenario = Object.fromEntries(Object.values(JourneyScenario).map((s) => [s, 0])) as Record<JourneyScenario, number>;
  let events = 0;
  let peakSeason = 0;
  for (let sequence = firstSequence; sequence < firstSequence + waybills; sequence++) {
    const history = generator.history(sequence);
    histories.push(history);
    byScenario[history.waybill.scenario] += 1;
    events += history.events.length;
    if (history.waybill.peakSeason) peakSeason += 1;
  }
  return { options: generator.options, histories, counts: { waybills, events, byScenario, peakSeason } };
}
