import type { DistanceClass } from '@courierdesk/domain-parcel';
import { DAY_MS, HOUR_MS } from '@courierdesk/domain-sla';
import type { LiabilityPolicy } from './liability-policy';

/** How late a parcel is, against the thorough-delay threshold of its lane. */
export interface DelayFacts {
  lateHours: number;
  /** Whole days late (floor of the hours ÷ 24). */
  delayDays: number;
  thresholdDays: number;
  /** Thorough delay (彻底延误): at or past the threshold. */
  thorough: boolean;
  delivered: boolean;
}

/** Whether and how late a parcel is against the promise, and whether it is a thorough delay (彻底延误). */
export function delayFacts(promisedAt: Date, deliveredAt: Date | null, now: Date, distance: DistanceClass, policy: LiabilityPolicy): DelayFacts {
  const end = deliveredAt !== null && deliveredAt <= now ? deliveredAt : now;
  const lateMs = end.getTime() - promisedAt.getTime();
  const thresholdDays = policy.thoroughDelayDays[distance];
  // "N calendar days past the promise" counted as N × 24 h from the promised instant: China has no
  // DST, so every day is 24 h, and the same instant reads the same in every timezone.
  return {
    lateHours: Math.max(0, lateMs / HOUR_MS),
    delayDays: Math.max(0, Math.floor(lateMs / DAY_MS)),
    thresholdDays,
    thorough: lateMs >= thresholdDays * DAY_MS,
    delivered: end === deliveredAt,
  };
}
