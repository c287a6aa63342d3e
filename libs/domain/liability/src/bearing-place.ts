import { sortScanEvents, type ScanEvent, type ScanLocation } from '@courierdesk/domain-parcel';
import { HOUR_MS, assertValidDate, formatChinaTime } from '@courierdesk/domain-sla';
import type { DecisionRecord } from './decision';
import { liabilityPolicyAt, type LiabilityPolicies } from './liability-policy';
import { LiabilityRuleError } from './liability.errors';
import { placeNameZh } from './parties';

/** One stretch of custody (保管环节): consecutive scans at one place. */
export interface CustodyLeg {
  place: ScanLocation;
  firstScanAt: Date;
  lastScanAt: Date;
  /** The courier of the latest delivery scan in this leg, if any. */
  courierId: string | null;
  /** Scans of this leg, in time order. */
  scans: ScanEvent[];
}

/** What happened, for which a place must answer (责任事件). */
export type IncidentKind = 'LOSS' | 'DAMAGE' | 'DELAY' | 'FALSE_SIGN_OFF';

/** An incident to place: what, when, and which places cleared themselves with evidence. */
export interface Incident {
  kind: IncidentKind;
  /** When the incident was established (a claim filed, a damage reported): the policy in force then applies. */
  at: Date;
  /** For DELAY: the time the stall is measured to (now, or the delivery). */
  until?: Date | null;
  /**
   * Ids of places that proved in time, with the ticket's evidence (举证成立: decideOnEvidence
   * FOR_OUTLET), that the fault is not theirs: liability passes to the place before them.
   */
  clearedPlaceIds?: readonly string[];
  policies?: LiabilityPolicies;
}

/** Which outlet or transit centre bears a carrier fault internally (内部责任认定). */
export interface BearingDecision extends DecisionRecord {
  code: 'BORNE_BY_PLACE' | 'UNDETERMINED';
  place: ScanLocation | null;
  /** The courier involved, when the fault was on a delivery round. */
  courierId: string | null;
  /** The last place that scanned the parcel in good order (最后正常扫描环节). */
  lastGoodPlace: ScanLocation | null;
  /** For DELAY: hours the parcel sat with the bearer (滞留时长). */
  dwellHours: number | null;
  custodyChain: CustodyLeg[];
}

const samePlace = (a: ScanLocation | null, b: ScanLocation | null): boolean => !!a && !!b && a.kind === b.kind && a.id === b.id;

/** Problem codes that say the parcel is no longer in good order. */
const BAD_ORDER_CODES = new Set(['DAMAGED', 'LOST', 'CONTAMINATED']);
const isDamageReport = (e: ScanEvent): boolean =>
  (e.type === 'PROBLEM_REPORTED' || e.type === 'HELD' || e.type === 'RETURN_STARTED') && e.problemCode !== null && BAD_ORDER_CODES.has(e.problemCode);

/**
 * The custody chain (交接链) from the scans: consecutive scans at one place form a leg, in event-time
 * order. Scans without a place (a sign-off recorded without its outlet) stay with the leg before them.
 */
export function custodyChain(scans: readonly ScanEvent[]): CustodyLeg[] {
  const legs: CustodyLeg[] = [];
  for (const event of sortScanEvents(scans)) {
    const last = legs.at(-1);
    if (event.location === null || samePlace(last?.place ?? null, event.location)) {
      if (!last) continue;
      last.lastScanAt = event.eventTime;
      last.scans.push(event);
      if (event.courierId) last.courierId = event.courierId;
      continue;
    }
    legs.push({ place: event.location, firstScanAt: event.eventTime, lastScanAt: event.eventTime, courierId: event.courierId, scans: [event] });
  }
  return legs;
}

/**
 * Which outlet or transit centre bears a carrier fault internally (责任网点), from the scan history:
 * - LOSS: the place that held it last (a departure scan leaves it with the departing hub: it loaded
 *   the truck, and no one downstream ever scanned it in);
 * - DAMAGE: the place that first reported it damaged, unless it did so within the policy's
 *   damage-on-arrival hours of its first scan — then it was handed over damaged, and the place
 *   before it (the last that scanned it in good order) bears it; with no damage report, the last holder;
 * - DELAY: the place where it sat longest (to the next place's first scan, or `until`);
 * - FALSE_SIGN_OFF: the place of the sign-off, with its courier.
 * A place that cleared itself with evidence passes it to the place before it; none left → UNDETERMINED
 * (HQ arbitrates, 仲裁). Throws NO_CUSTODY_CHAIN when no scan has a place.
 */
export function bearingPlace(scans: readonly ScanEvent[], incident: Incident): BearingDecision {
  const at = assertValidDate(incident.at, 'at');
  const policy = liabilityPolicyAt(at, incident.policies);
  const chain = custodyChain(scans);
  if (chain.length === 0) throw new LiabilityRuleError('NO_CUSTODY_CHAIN', 'no scan with a place: the custody chain is empty', {});
  const cleared = new Set(incident.clearedPlaceIds ?? []);
  const codes: string[] = [];
  let index = chain.length - 1;
  let lastGood: ScanLocation | null = chain.at(-1)!.place;
  let dwellHours: number | null = null;
  let why = '';

  if (incident.kind === 'LOSS') {
    const leg = chain[index];
    const lastScan = leg.scans.at(-1)!;
    codes.push(lastScan.type === 'DEPARTED_HUB' ? 'LOST_AFTER_DEPARTURE' : 'LOST_IN_CUSTODY');
    why = `快件最后一次扫描为${formatChinaTime(lastScan.eventTime)}在${placeNameZh(leg.place)}，此后无记录`;
  } else if (incident.kind === 'DAMAGE') {
    const reportLeg = chain.findIndex((leg) => leg.scans.some(isDamageReport));
    if (reportLeg < 0) {
      codes.push('DAMAGE_NOT_REPORTED_IN_TRANSIT');
      why = `途中无破损登记，由最后经手的${placeNameZh(chain[index].place)}负责`;
    } else {
      const report = chain[reportLeg].scans.find(isDamageReport)!;
      const onArrival = report.eventTime.getTime() - chain[reportLeg].firstScanAt.getTime() <= policy.damageOnArrivalHours * HOUR_MS;
      index = onArrival && reportLeg > 0 ? reportLeg - 1 : reportLeg;
      lastGood = onArrival ? (chain[reportLeg - 1]?.place ?? null) : chain[reportLeg].place;
      codes.push(onArrival ? 'DAMAGED_ON_ARRIVAL' : 'DAMAGED_IN_CUSTODY');
      why = onArrival
        ? `${placeNameZh(chain[reportLeg].place)}到件即登记破损（${policy.damageOnArrivalHours}小时内），由上一环节负责`
        : `${placeNameZh(chain[reportLeg].place)}收件后${policy.damageOnArrivalHours}小时以上才登记破损，由其负责`;
    }
  } else if (incident.kind === 'DELAY') {
    const until = assertValidDate(incident.until ?? at, 'until');
    const dwell = chain.map((leg, i) => ((chain[i + 1]?.firstScanAt ?? until).getTime() - leg.firstScanAt.getTime()) / HOUR_MS);
    // Longest dwell wins; on a tie the later place, which had the parcel when it was already late.
    index = dwell.reduce((best, hours, i) => (hours >= dwell[best] ? i : best), 0);
    dwellHours = dwell[index];
    codes.push('LONGEST_DWELL');
    why = `快件在${placeNameZh(chain[index].place)}滞留约${Math.round(dwellHours)}小时，为全程最长`;
  } else {
    const signLeg = findLastIndex(chain, (leg) => leg.scans.some((e) => e.type === 'SIGNED'));
    index = signLeg >= 0 ? signLeg : index;
    codes.push(signLeg >= 0 ? 'SIGNED_BY_PLACE' : 'NO_SIGN_OFF_SCAN');
    why = `签收记录由${placeNameZh(chain[index].place)}上传`;
  }

  while (index >= 0 && cleared.has(chain[index].place.id)) {
    codes.push(`CLEARED_${chain[index].place.id}`);
    index -= 1;
  }
  const leg = index >= 0 ? chain[index] : null;
  const kindCode = `INCIDENT_${incident.kind}`;
  if (!leg) {
    return {
      code: 'UNDETERMINED',
      place: null,
      courierId: null,
      lastGoodPlace: lastGood,
      dwellHours,
      custodyChain: chain,
      ruleCode: 'bearing-place',
      ruleVersion: policy.version,
      explanationZh: `${why}；各环节均已举证免责，需总部仲裁。`,
      codes: ['UNDETERMINED', kindCode, ...codes],
    };
  }
  return {
    code: 'BORNE_BY_PLACE',
    place: leg.place,
    courierId: leg.courierId,
    lastGoodPlace: lastGood,
    dwellHours,
    custodyChain: chain,
    ruleCode: 'bearing-place',
    ruleVersion: policy.version,
    explanationZh: `${why}；责任由${placeNameZh(leg.place)}承担。`,
    codes: ['BORNE_BY_PLACE', kindCode, ...codes],
  };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
