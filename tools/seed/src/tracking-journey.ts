import type {
  DeliveryFailureReason,
  ProblemCode,
  ScanLocation,
  ScanType,
  ServiceLevel,
  Signer,
} from '@courierdesk/domain-parcel';
import type { DemoOutlet, DemoTransitCentre } from './network-demo.types';
import type { Random } from './prng';
import type { DemoScanEvent } from './tracking-demo.types';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** Hour of the day in China (UTC+8), fractional. */
const chinaHour = (ms: number): number => (((ms + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS;

/** Where a journey goes and who handles it. */
export interface JourneyPlaces {
  origin: DemoOutlet;
  destination: DemoOutlet;
  /** Courier of the sender's street: picks up, and delivers a return. */
  pickupCourierId: string;
  /** Courier of the recipient's street (承包区). */
  deliveryCourierId: string;
  /** Transit centres in order: the origin city's, provincial trunk hubs, the destination city's. */
  route: readonly DemoTransitCentre[];
  serviceLevel: ServiceLevel;
  recipientName: string;
}

/** Extra fields of a scan, by type. */
export interface ScanDetails {
  courierId?: string | null;
  signer?: Signer | null;
  failureReason?: DeliveryFailureReason | null;
  problemCode?: ProblemCode | null;
  note?: string | null;
}

export const hub = (centre: DemoTransitCentre): ScanLocation => ({ kind: 'HUB', id: centre.id });
export const outlet = (o: DemoOutlet): ScanLocation => ({ kind: 'OUTLET', id: o.id });

/**
 * A parcel's scans as they happen, on a clock that only moves forward: every wait is at least a
 * minute, so no two scans of one waybill share a time and the order never depends on tie-breaks.
 * `slow` stretches every wait (peak season); deliveries go out in the morning and afternoon waves
 * (China time), as outlets dispatch them.
 */
export class Journey {
  readonly events: DemoScanEvent[] = [];

  constructor(
    private readonly random: Random,
    private readonly waybillNo: string,
    /** Current time, ms since the epoch. */
    public t: number,
    private readonly slow: number,
  ) {}

  /** Waits between `minHours` and `maxHours` (times `slow`), at least a minute. */
  wait(minHours: number, maxHours: number): this {
    const hours = (minHours + this.random.next() * (maxHours - minHours)) * this.slow;
    this.t += Math.max(MINUTE_MS, Math.round(hours * HOUR_MS));
    return this;
  }

  /** Waits for the next working hour (08:00–20:00 China time) when outside it. */
  workHours(): this {
    const hour = chinaHour(this.t);
    if (hour >= 8 && hour < 20) return this;
    const untilEight = ((8 - hour + 24) % 24) * HOUR_MS;
    this.t += untilEight + Math.round(this.random.next() * 1.5 * HOUR_MS) + MINUTE_MS;
    return this;
  }

  /** Waits for the next delivery wave (about 08:30 or 13:30 China time); in peak season a wave is sometimes missed. */
  deliveryWave(): this {
    this.wait(0.3, 1);
    let hour = chinaHour(this.t);
    let missed = this.slow > 1 && this.random.next() < 0.35 ? 1 : 0;
    for (;;) {
      const next = hour < 8.5 ? 8.5 : hour < 13.5 ? 13.5 : 32.5;
      this.t += (next - hour) * HOUR_MS;
      hour = next % 24;
      if (missed-- <= 0) break;
    }
    this.t += Math.round(this.random.next() * 0.75 * HOUR_MS) + MINUTE_MS;
    return this;
  }

  /** Records a scan at the current time (to the second, as scanners stamp it). */
  scan(type: ScanType, location: ScanLocation | null, details: ScanDetails = {}): DemoScanEvent {
    const event: DemoScanEvent = {
      eventId: `${this.waybillNo}-${this.events.length + 1}`,
      waybillNo: this.waybillNo,
      type,
      eventTime: new Date(Math.floor(this.t / 1000) * 1000),
      location,
      courierId: details.courierId ?? null,
      signer: details.signer ?? null,
      failureReason: details.failureReason ?? null,
      problemCode: details.problemCode ?? null,
      note: details.note ?? null,
    };
    this.events.push(event);
    return event;
  }

  /** Index of the last scan recorded. */
  get last(): number {
    return this.events.length - 1;
  }
}

/** Line-haul hours between two transit centres (干线运输): by road within a province, by air or road across. */
function lineHaulHours(from: DemoTransitCentre, to: DemoTransitCentre, level: ServiceLevel): [number, number] {
  if (from.provinceCode === to.provinceCode) return level === 'EXPRESS' ? [2, 5] : level === 'ECONOMY' ? [5, 12] : [3, 9];
  return level === 'EXPRESS' ? [6, 12] : level === 'ECONOMY' ? [30, 52] : [18, 36];
}

/** Where a journey stands after the forward leg, for the scenarios that cut or anchor it. */
export interface ForwardMarks {
  /** Index of each ARRIVED_AT_HUB scan. */
  hubArrivals: number[];
  /** Index of the last DEPARTED_HUB scan before the destination outlet. */
  lastDeparture: number;
  /** Index of the ARRIVED_AT_OUTLET scan at the destination outlet. */
  outletArrival: number;
}

/** What can go wrong on the way to the destination outlet. */
export interface ForwardTwists {
  /** Held at the first hub as a suspected prohibited item: released after a day or two, or returned from there. */
  hold?: 'RELEASE' | 'RETURN';
  /** Sorted to this (wrong) outlet first (错分). */
  missortTo?: DemoOutlet | null;
}

/**
 * Pickup (揽收) by the sender's courier, the hubs of the route, arrival at the destination outlet.
 * Returns null when a hold ended in a return (the journey then went back, see returnLeg).
 */
export function forwardLeg(j: Journey, p: JourneyPlaces, twists: ForwardTwists = {}): ForwardMarks | null {
  const marks: ForwardMarks = { hubArrivals: [], lastDeparture: -1, outletArrival: -1 };
  j.workHours().wait(0.3, 4);
  j.scan('PICKED_UP', outlet(p.origin), { courierId: p.pickupCourierId });
  // Outlets hand collected parcels to the evening line-haul to their city's centre.
  j.wait(2, 6);
  for (let i = 0; i < p.route.length; i++) {
    const centre = p.route[i];
    if (i > 0) j.wait(...lineHaulHours(p.route[i - 1], centre, p.serviceLevel));
    j.scan('ARRIVED_AT_HUB', hub(centre));
    marks.hubArrivals.push(j.last);
    if (i === 0 && twists.hold) {
      j.wait(0.5, 3).scan('HELD', hub(centre), { problemCode: 'PROHIBITED_ITEM', note: '安检疑似违禁品（锂电池），待核实' });
      j.wait(24, 60);
      if (twists.hold === 'RETURN') {
        j.scan('RETURN_STARTED', hub(centre), { problemCode: 'PROHIBITED_ITEM', note: '违禁品，不予寄递，退回寄件人' });
        returnLeg(j, p, 0);
        return null;
      }
      j.scan('RELEASED', hub(centre), { note: '核实为普通货物，放行' });
    }
    j.wait(1, p.serviceLevel === 'ECONOMY' ? 8 : 5).scan('DEPARTED_HUB', hub(centre));
    marks.lastDeparture = j.last;
  }
  const last = p.route[p.route.length - 1];
  if (twists.missortTo) {
    j.wait(1.5, 5).scan('ARRIVED_AT_OUTLET', outlet(twists.missortTo));
    j.wait(0.3, 3).scan('PROBLEM_REPORTED', outlet(twists.missortTo), { problemCode: 'MISSORTED', note: '错分件，退回分拨中心重新分拣' });
    j.wait(3, 12).scan('ARRIVED_AT_HUB', hub(last));
    marks.hubArrivals.push(j.last);
    j.wait(1, 5).scan('DEPARTED_HUB', hub(last));
    marks.lastDeparture = j.last;
  }
  j.wait(1.5, 5).scan('ARRIVED_AT_OUTLET', outlet(p.destination));
  marks.outletArrival = j.last;
  return marks;
}

/**
 * The way back to the sender (退回): from the route's hub `fromHub` (a hold), or from the
 * destination outlet (`fromHub` null: back through every hub), to the origin outlet, where the
 * sender signs for it.
 */
export function returnLeg(j: Journey, p: JourneyPlaces, fromHub: number | null): void {
  const back = fromHub === null ? [...p.route].reverse() : p.route.slice(0, fromHub + 1).reverse();
  back.forEach((centre, i) => {
    if (i > 0 || fromHub === null) {
      j.wait(...(i === 0 ? ([1.5, 6] as [number, number]) : lineHaulHours(back[i - 1], centre, 'STANDARD')));
      j.scan('ARRIVED_AT_HUB', hub(centre));
    }
    j.wait(1, 6).scan('DEPARTED_HUB', hub(centre));
  });
  j.wait(2, 6).scan('ARRIVED_AT_OUTLET', outlet(p.origin));
  j.deliveryWave().scan('OUT_FOR_DELIVERY', outlet(p.origin), { courierId: p.pickupCourierId });
  j.wait(0.3, 4).scan('RETURNED', outlet(p.origin), { courierId: p.pickupCourierId, note: '退件已由寄件人签收' });
}

const LOCKER_NAMES = ['丰巢智能柜', '速递易快递柜', '中邮智递柜'];
const STATION_NAMES = ['菜鸟驿站', '妈妈驿站', '兔喜生活', '快递超市'];
const NEIGHBOUR_DOORS = ['隔壁', '对门', '楼下'];

/** A signer (签收人) of a kind, with the name a courier would type. */
export function signerOf(random: Random, kind: Signer['kind'], recipientName: string): Signer {
  switch (kind) {
    case 'RECIPIENT':
      return { kind, name: recipientName };
    case 'LOCKER':
      return { kind, name: `${random.pick(LOCKER_NAMES)} ${String.fromCharCode(65 + random.int(0, 5))}${random.int(1, 40)}` };
    case 'STATION':
      return { kind, name: random.pick(STATION_NAMES) };
    case 'NEIGHBOUR':
      return { kind, name: `${random.pick(NEIGHBOUR_DOORS)}邻居` };
    case 'GUARD':
      return { kind, name: '门卫' };
    case 'MAILROOM':
      return { kind, name: '收发室' };
    case 'PROPERTY_OFFICE':
      return { kind, name: '物业服务中心' };
    default:
      return { kind, name: null };
  }
}

const FAILURE_NOTES: Partial<Record<DeliveryFailureReason, readonly string[]>> = {
  RECIPIENT_UNREACHABLE: ['电话无人接听', '电话关机', '电话停机'],
  NOBODY_HOME: ['敲门无人应答', '家中无人'],
  ADDRESS_INCOMPLETE: ['地址缺少门牌号', '地址不详，需联系收件人'],
  ADDRESS_WRONG: ['查无此地址'],
  RESCHEDULED_BY_RECIPIENT: ['收件人要求改天派送', '收件人出差，约定下周派送'],
  REFUSED: ['收件人拒收：与描述不符', '收件人拒收：不想要了', '收件人拒收：快递延误'],
};

/** A failed delivery attempt (派送失败) at the destination outlet, with the courier's note. */
export function failDelivery(j: Journey, random: Random, p: JourneyPlaces, reason: DeliveryFailureReason): void {
  const notes = FAILURE_NOTES[reason];
  j.scan('DELIVERY_FAILED', outlet(p.destination), {
    courierId: p.deliveryCourierId,
    failureReason: reason,
    note: notes ? random.pick(notes) : null,
  });
}
