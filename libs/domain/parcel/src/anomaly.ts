import {
  PeakSeasonPolicy,
  addHours,
  asVersions,
  formatChinaTime,
  hoursBetween,
  policyInForce,
  stallThresholdHours,
} from '@courierdesk/domain-sla';
import { AnomalyPolicy, validateAnomalyPolicy } from './anomaly.policy';
import { DELIVERY_FAILURE_REASON_NAMES, PICKUP_POINT_SIGNERS, SIGNER_KIND_NAMES, ScanEvent, ScanLocation } from './scan-event';
import { deriveStatus, type WaybillState } from './derive-status';

/** What is wrong with a waybill (异常类型): the customer-service work queue. Values are API. */
export const AnomalyCode = {
  /** No next scan at a transit centre past the threshold (分拨中心滞留). */
  STALLED_AT_HUB: 'STALLED_AT_HUB',
  /** No next scan at an outlet past the threshold (网点滞留). */
  STALLED_AT_OUTLET: 'STALLED_AT_OUTLET',
  /** Created, never picked up (无揽收记录). */
  NO_PICKUP_SCAN: 'NO_PICKUP_SCAN',
  /** Delivery failed repeatedly (多次派送失败). */
  REPEATED_DELIVERY_FAILURE: 'REPEATED_DELIVERY_FAILURE',
  /** Signed by someone other than the recipient (他人代签), and not collected by the recipient since. */
  SIGNED_BY_OTHER: 'SIGNED_BY_OTHER',
  /** Signed with no out-for-delivery scan before it: a sign-off to suspect (虚假签收). */
  SIGNED_WITHOUT_OUT_FOR_DELIVERY: 'SIGNED_WITHOUT_OUT_FOR_DELIVERY',
  /** No arrival at the destination outlet long after the last hub departure (未到达派件网点). */
  NOT_ARRIVED_AT_FINAL_OUTLET: 'NOT_ARRIVED_AT_FINAL_OUTLET',
} as const;
/** What is wrong with a waybill (异常类型). */
export type AnomalyCode = (typeof AnomalyCode)[keyof typeof AnomalyCode];

/** All anomaly codes, in declaration order (also the order of anomalies with the same `since`). */
export const ANOMALY_CODES: readonly AnomalyCode[] = Object.values(AnomalyCode);

/** One anomaly: since when, why, and by which thresholds and policy versions. */
export interface Anomaly {
  code: AnomalyCode;
  /** When the waybill became anomalous: the threshold's end, or the event that broke the rule. */
  since: Date;
  /** English with the Chinese term, for the agent. */
  reason: string;
  /** The threshold applied, after peak-season stretching; absent for rules without one. */
  thresholdHours?: number;
  /** When the threshold started counting (last scan, creation, last hub departure). */
  countedFrom?: Date;
  /** Version of the anomaly policy used. */
  policyVersion: string;
  /** Version of the peak-season policy used, when a threshold was stretched or could have been. */
  peakSeasonPolicyVersion?: string;
  /** Name of the peak season that stretched the threshold (e.g. DOUBLE_ELEVEN). */
  peakSeason?: string;
  /** The hub or outlet whose work queue this belongs to; null when unknown. */
  location: ScanLocation | null;
}

/** The waybill facts the rules need besides its scans. */
export interface AnomalyWaybill {
  waybillNo?: string;
  createdAt: Date;
  originOutletId?: string | null;
  destinationOutletId?: string | null;
}

/** Input of detectAnomalies: the waybill, its scans, the clock and the policies, all passed in. */
export interface DetectAnomaliesInput<E extends ScanEvent = ScanEvent> {
  waybill: AnomalyWaybill;
  events: readonly E[];
  now: Date;
  /** One policy or its versions; each rule uses the version in force at its reference time. */
  policy: AnomalyPolicy | readonly AnomalyPolicy[];
  peakSeasons: PeakSeasonPolicy | readonly PeakSeasonPolicy[];
  /** deriveStatus(events), when the caller has it already. */
  state?: WaybillState<E>;
}

interface Context {
  input: DetectAnomaliesInput<ScanEvent>;
  state: WaybillState<ScanEvent>;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const when = (at: Date): string => `${formatChinaTime(at)} (UTC+8)`;
const policyAt = (ctx: Context, at: Date): AnomalyPolicy =>
  validateAnomalyPolicy(policyInForce(asVersions(ctx.input.policy), at));
const outlet = (id: string | null | undefined): ScanLocation | null => (id ? { kind: 'OUTLET', id } : null);

/**
 * A time rule: anomalous once more than the (peak-stretched) threshold has passed since `from` —
 * exactly at the threshold is still on time. Versions are those in force at `from`.
 */
function overdue(
  ctx: Context,
  code: AnomalyCode,
  from: Date,
  baseOf: (policy: AnomalyPolicy) => number,
  location: ScanLocation | null,
  describe: (elapsed: number, threshold: string) => string,
): Anomaly | null {
  const policy = policyAt(ctx, from);
  const base = baseOf(policy);
  const stretched = policy.stretchInPeakSeason ? stallThresholdHours(from, ctx.input.peakSeasons, base) : null;
  const hours = stretched?.hours ?? base;
  const elapsed = hoursBetween(from, ctx.input.now);
  if (elapsed <= hours) return null;
  const peak = stretched?.peakSeason ?? null;
  const threshold = peak ? `threshold ${hours} h (${base} h stretched for ${peak.label})` : `threshold ${hours} h`;
  return {
    code,
    since: addHours(from, hours),
    reason: describe(round1(elapsed), threshold),
    thresholdHours: hours,
    countedFrom: from,
    policyVersion: policy.version,
    ...(stretched ? { peakSeasonPolicyVersion: stretched.policyVersion } : {}),
    ...(peak ? { peakSeason: peak.name } : {}),
    location,
  };
}

function stalled(ctx: Context): Anomaly | null {
  const { lastEvent: last, currentLocation: location, progress } = ctx.state;
  // Delivered, in a locker, or never collected: nothing is stuck in the network.
  if (!last || !location || ['CREATED', 'DELIVERED', 'AVAILABLE_FOR_PICKUP'].includes(progress)) return null;
  // After a departure the parcel is on the road, not at the hub: NOT_ARRIVED_AT_FINAL_OUTLET covers it.
  if (last.type === 'DEPARTED_HUB') return null;
  const atHub = location.kind === 'HUB';
  const term = atHub ? `transit centre ${location.id} (分拨中心滞留)` : `outlet ${location.id} (网点滞留)`;
  const code = atHub ? 'STALLED_AT_HUB' : 'STALLED_AT_OUTLET';
  return overdue(ctx, code, last.eventTime, (p) => p.stallHours, location, (elapsed, threshold) =>
    `Stalled at ${term}: no scan for ${elapsed} h since ${last.type} at ${when(last.eventTime)}; ${threshold}`,
  );
}

function noPickup(ctx: Context): Anomaly | null {
  if (ctx.state.progress !== 'CREATED') return null;
  const { createdAt, originOutletId } = ctx.input.waybill;
  return overdue(ctx, 'NO_PICKUP_SCAN', createdAt, (p) => p.noPickupHours, outlet(originOutletId), (elapsed, threshold) =>
    `No pickup scan (无揽收记录): created ${when(createdAt)}, ${elapsed} h without a pickup scan; ${threshold}`,
  );
}

function notArrived(ctx: Context): Anomaly | null {
  const { state } = ctx;
  const destination = ctx.input.waybill.destinationOutletId;
  // On a return the final outlet is the origin; the stall rules still watch the return leg.
  if (!destination || state.returning || ['DELIVERED', 'AVAILABLE_FOR_PICKUP'].includes(state.progress)) return null;
  const index = state.timeline.map((e) => e.type).lastIndexOf('DEPARTED_HUB');
  if (index < 0) return null;
  const departure = state.timeline[index];
  const after = state.timeline.slice(index + 1);
  if (after.some((e) => e.type === 'ARRIVED_AT_HUB')) return null;
  if (after.some((e) => e.location?.kind === 'OUTLET' && e.location.id === destination)) return null;
  const elsewhere = after.find((e) => e.type === 'ARRIVED_AT_OUTLET')?.location?.id;
  const misrouted = elsewhere ? `; arrived at outlet ${elsewhere} instead (错分?)` : '';
  const baseOf = (p: AnomalyPolicy) => p.finalOutletArrivalHours;
  return overdue(ctx, 'NOT_ARRIVED_AT_FINAL_OUTLET', departure.eventTime, baseOf, outlet(destination), (elapsed, threshold) =>
    `Not arrived at destination outlet ${destination} (未到达派件网点): left transit centre ${departure.location?.id} at ` +
    `${when(departure.eventTime)}, ${elapsed} h ago${misrouted}; ${threshold}`,
  );
}

function repeatedFailure(ctx: Context): Anomaly | null {
  const { state } = ctx;
  if (state.returning || ['DELIVERED', 'AVAILABLE_FOR_PICKUP'].includes(state.progress)) return null;
  const failures = state.timeline.filter((e) => e.type === 'DELIVERY_FAILED');
  if (failures.length === 0) return null;
  const latest = failures[failures.length - 1];
  const policy = policyAt(ctx, latest.eventTime);
  if (failures.length < policy.repeatedFailureCount) return null;
  const reasons = failures
    .map((e) => `${e.failureReason} ${DELIVERY_FAILURE_REASON_NAMES[e.failureReason ?? 'OTHER']}`)
    .join(', ');
  return {
    code: 'REPEATED_DELIVERY_FAILURE',
    since: failures[policy.repeatedFailureCount - 1].eventTime,
    reason:
      `Delivery failed ${failures.length} times (多次派送失败): ${reasons}; ` +
      `last at ${when(latest.eventTime)}; limit ${policy.repeatedFailureCount}`,
    policyVersion: policy.version,
    location: latest.location ?? outlet(ctx.input.waybill.destinationOutletId),
  };
}

function signOff(ctx: Context): Anomaly[] {
  const { state } = ctx;
  // Once a return started the sign-off question is moot (a return's own signature is the sender's),
  // and a locker parcel taken back out for delivery is no longer signed for.
  if (state.returning || !['DELIVERED', 'AVAILABLE_FOR_PICKUP'].includes(state.progress)) return [];
  const signed = [...state.timeline].reverse().find((e) => e.type === 'SIGNED');
  if (!signed?.signer) return [];
  const policy = policyAt(ctx, signed.eventTime);
  const location = signed.location ?? outlet(ctx.input.waybill.destinationOutletId);
  const found: Anomaly[] = [];
  const signedIndex = state.timeline.indexOf(signed);
  const collected = state.timeline.slice(signedIndex + 1).some((e) => e.type === 'COLLECTED_BY_RECIPIENT');
  if (policy.signedByOtherKinds.includes(signed.signer.kind) && !collected) {
    const { kind, name } = signed.signer;
    // A locker or station receives on the recipient's behalf (代收); a person signs for them (代签).
    const term = `${SIGNER_KIND_NAMES[kind]}${PICKUP_POINT_SIGNERS.includes(kind) ? '代收' : '代签'}`;
    found.push({
      code: 'SIGNED_BY_OTHER',
      since: signed.eventTime,
      reason:
        `Signed by ${kind} (${term})${name ? ` ${name}` : ''}, not the recipient, ` +
        `at ${when(signed.eventTime)}; ` +
        'not collected by the recipient since: check consent (签收未收到 risk)',
      policyVersion: policy.version,
      location,
    });
  }
  if (!state.timeline.slice(0, signedIndex).some((e) => e.type === 'OUT_FOR_DELIVERY')) {
    found.push({
      code: 'SIGNED_WITHOUT_OUT_FOR_DELIVERY',
      since: signed.eventTime,
      reason: `Signed at ${when(signed.eventTime)} with no out-for-delivery scan (派送中) before it: suspected false sign-off (虚假签收)`,
      policyVersion: policy.version,
      location,
    });
  }
  return found;
}

/**
 * The anomalies of one waybill at `now`, oldest first. Pure: the clock, the policies and the
 * waybill facts are passed in. A delivered or returned parcel is never stalled; only its sign-off
 * can still be suspect.
 */
export function detectAnomalies<E extends ScanEvent>(input: DetectAnomaliesInput<E>): Anomaly[] {
  const state = (input.state ?? deriveStatus(input.events)) as WaybillState<ScanEvent>;
  const ctx: Context = { input: input as DetectAnomaliesInput<ScanEvent>, state };
  const found = [noPickup(ctx), stalled(ctx), notArrived(ctx), repeatedFailure(ctx), ...signOff(ctx)].filter(
    (a): a is Anomaly => a !== null,
  );
  const rank = (code: AnomalyCode) => ANOMALY_CODES.indexOf(code);
  return found.sort((a, b) => a.since.getTime() - b.since.getTime() || rank(a.code) - rank(b.code));
}
