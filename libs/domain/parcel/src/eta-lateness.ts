import { HOUR_MS, assertValidDate, formatChinaTime } from '@courierdesk/domain-sla';
import type { DeliveryEstimate } from './eta';
import { ParcelRuleError } from './parcel.errors';
import type { WaybillStatus } from './waybill-status';

/*
 * A late parcel (超时件) must say so. The estimate made from pickup (estimateDelivery) is the promise
 * a customer was shown; once it has passed and the parcel is not delivered, repeating it would show
 * an expected delivery in the past. Instead the parcel is marked late since that instant, against
 * that promise, and re-estimated from where it is now: the rest of its lane time from its last scan,
 * the last mile once at the destination outlet, the next attempt after a failed one. A re-estimate
 * that has itself passed (nothing scanned since) counts from now: an undelivered parcel's expected
 * delivery is never in the past.
 */

/** How a late parcel is re-estimated, by where it is (EtaSource beyond the promise's own two). */
export type LateEtaSource = 'AWAITING_PICKUP' | 'REMAINING_LANE_TIME' | 'LAST_MILE' | 'DELIVERY_RETRY';

/** Stated times for re-estimating late parcels (hours), not measurements: a network's usual rhythm. */
export interface LateEtaPolicy {
  /** Arrived at the destination outlet → delivered: the next delivery round, same or next day. */
  lastMileHours: number;
  /** Out for delivery → delivered: within the round. */
  outForDeliveryHours: number;
  /** A failed attempt → the next attempt: next day (再派). */
  retryHours: number;
}

/** Default rhythm: 12 h from arrival at the destination outlet, 4 h out for delivery, 24 h to a retry. */
export const DEFAULT_LATE_ETA_POLICY: LateEtaPolicy = { lastMileHours: 12, outForDeliveryHours: 4, retryHours: 24 };

/** Where an undelivered parcel is now. */
export interface EtaPosition {
  status: WaybillStatus;
  /** Time of the latest scan the status follows; null before any. */
  lastEventAt: Date | null;
  /** True when that scan's place is the destination outlet (派件网点). */
  atDestination: boolean;
}

/** An estimate as shown now: the promise's estimate, or a late parcel's re-estimate, with the lateness. */
export interface TimedDeliveryEstimate extends Omit<DeliveryEstimate, 'source'> {
  source: DeliveryEstimate['source'] | LateEtaSource;
  /** The expected delivery counted from pickup (or the order time): what the customer was promised. */
  promisedAt: Date;
  /** Not delivered and the promise has passed. */
  late: boolean;
  /** When it became late: the promise's instant; null while on time. */
  lateSince: Date | null;
}

const hoursAfter = (from: Date, hours: number): Date => new Date(from.getTime() + Math.round(hours * HOUR_MS));
const hoursBetween = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / HOUR_MS;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const when = (at: Date): string => `${formatChinaTime(at)} (UTC+8)`;

/** The stage rule: from which instant, how many hours, and how to say it. */
function stageOf(promise: DeliveryEstimate, shippedAt: Date, position: EtaPosition, policy: LateEtaPolicy, now: Date) {
  const lane = hoursBetween(shippedAt, promise.expectedAt);
  const last = position.lastEventAt ?? shippedAt;
  switch (position.status) {
    case 'CREATED':
      return { source: 'AWAITING_PICKUP' as const, from: now, hours: lane, how: `not picked up yet: the whole lane time (${round1(lane)} h) from now` };
    case 'OUT_FOR_DELIVERY':
      return { source: 'LAST_MILE' as const, from: last, hours: policy.outForDeliveryHours, how: `out for delivery since ${when(last)}: ${policy.outForDeliveryHours} h for the round` };
    case 'DELIVERY_FAILED':
      return { source: 'DELIVERY_RETRY' as const, from: last, hours: policy.retryHours, how: `delivery failed at ${when(last)}: the next attempt ${policy.retryHours} h after it` };
    case 'ARRIVED_AT_OUTLET':
      if (position.atDestination) {
        return { source: 'LAST_MILE' as const, from: last, hours: policy.lastMileHours, how: `at the destination outlet since ${when(last)}: ${policy.lastMileHours} h for the last mile` };
      }
      break;
    default:
      break;
  }
  // In transit, at a transit centre or another outlet, a problem parcel, held: the part of the lane
  // time not yet covered at its last scan, and never less than the last mile still ahead.
  const rest = Math.max(lane - hoursBetween(shippedAt, last), policy.lastMileHours);
  return { source: 'REMAINING_LANE_TIME' as const, from: last, hours: rest, how: `last scan ${when(last)}: the rest of the lane time, ${round1(rest)} h` };
}

/**
 * The estimate to show at `now` (pure). On time: `promise` as it is (expectedAt ≥ now). Late — not
 * delivered and `now` past `promise.expectedAt` — the re-estimate from `position` (source says which
 * rule), never before now: counted from the last scan, or from now when that too has passed. The
 * band is half the remaining hours before (not before now) to the remaining hours after; LOW
 * confidence: stated times, not measurements. Only for parcels awaiting delivery.
 */
export function estimateAt(promise: DeliveryEstimate, shippedAt: Date, position: EtaPosition, now: Date, policy: LateEtaPolicy = DEFAULT_LATE_ETA_POLICY): TimedDeliveryEstimate {
  assertValidDate(now, 'now');
  assertValidDate(shippedAt, 'shippedAt');
  for (const [name, hours] of Object.entries(policy)) {
    if (!(Number.isFinite(hours) && hours > 0)) throw new ParcelRuleError('INVALID_ETA_INPUT', `late ETA policy: ${name} ${hours} must be > 0 h`, { [name]: hours });
  }
  const promisedAt = promise.expectedAt;
  if (now.getTime() <= promisedAt.getTime()) return { ...promise, promisedAt, late: false, lateSince: null };

  const stage = stageOf(promise, shippedAt, position, policy, now);
  const anchored = hoursAfter(stage.from, stage.hours);
  const fromNow = anchored.getTime() <= now.getTime();
  const expectedAt = fromNow ? hoursAfter(now, stage.hours) : anchored;
  const earliest = new Date(Math.max(now.getTime(), expectedAt.getTime() - Math.round((stage.hours / 2) * HOUR_MS)));
  const since = fromNow ? `; nothing scanned since, so counted from now` : '';
  return {
    ...promise,
    expectedAt,
    earliest,
    latest: hoursAfter(expectedAt, stage.hours),
    source: stage.source,
    confidence: 'LOW',
    basis: `late since ${when(promisedAt)}, the promised delivery (${promise.basis}); re-estimated: ${stage.how}${since}`,
    promisedAt,
    late: true,
    lateSince: promisedAt,
  };
}
