import { parseDistrictCode, parseStreetCode } from './division-code';
import { NetworkRuleError } from './network.errors';
import { normalizeName } from './text';

/** What a landmark (地标) in a delivery area is; agents must know these to route a parcel. */
export const LandmarkKind = {
  /** School (学校): parcels to students follow campus rules. */
  SCHOOL: 'SCHOOL',
  /** Residential compound (小区): guards, lockers and stations are where "signed but not received" starts. */
  RESIDENTIAL: 'RESIDENTIAL',
  /** Unit (单位): offices, hospitals, government buildings with a mailroom. */
  UNIT: 'UNIT',
  /** Major customer (大客户): a shipper or recipient with volume. */
  MAJOR_CUSTOMER: 'MAJOR_CUSTOMER',
} as const;
/** What a landmark (地标) in a delivery area is. */
export type LandmarkKind = (typeof LandmarkKind)[keyof typeof LandmarkKind];

/** All landmark kinds, in declaration order. */
export const LANDMARK_KINDS: readonly LandmarkKind[] = Object.values(LandmarkKind);

/** A named place inside a delivery area. */
export interface Landmark {
  name: string;
  kind: LandmarkKind;
}

/** Longest delivery area or landmark name accepted, in characters. */
export const AREA_NAME_MAX_LENGTH = 60;

/**
 * Most landmarks one area lists: a street's schools, compounds, units and big customers are a
 * few dozen at most, and the graph's cost estimate (`@listSize`) counts on the bound.
 */
export const MAX_LANDMARKS_PER_AREA = 50;

/** A delivery area (承包区、派送片区) as entered: one town/street, or part of it, served by one outlet. */
export interface DeliveryAreaInput {
  districtCode: string;
  /** Nine-digit town/street code (乡镇街道代码) inside `districtCode`. */
  streetCode: string;
  streetName: string;
  name: string;
  landmarks: readonly Landmark[];
}

/** Validates a delivery area: street inside the district, names present, landmarks deduplicated by name. */
export function validateDeliveryAreaInput(input: DeliveryAreaInput): DeliveryAreaInput {
  const districtCode = parseDistrictCode(input.districtCode).code;
  const street = parseStreetCode(input.streetCode);
  if (street.district !== districtCode) {
    throw new NetworkRuleError(
      'STREET_DISTRICT_MISMATCH',
      `street ${street.code} lies in district ${street.district}, not ${districtCode}`,
      { streetCode: street.code, districtCode },
    );
  }
  if (input.landmarks.length > MAX_LANDMARKS_PER_AREA) {
    throw new NetworkRuleError('TOO_MANY_LANDMARKS', `an area lists at most ${MAX_LANDMARKS_PER_AREA} landmarks`, { count: input.landmarks.length });
  }
  const seen = new Set<string>();
  const landmarks: Landmark[] = [];
  for (const landmark of input.landmarks) {
    if (!(LANDMARK_KINDS as readonly string[]).includes(landmark.kind)) {
      throw new NetworkRuleError('INVALID_LANDMARK_KIND', `unknown landmark kind "${landmark.kind}"`, {
        kind: landmark.kind,
      });
    }
    const name = normalizeName(landmark.name, AREA_NAME_MAX_LENGTH, 'landmark name');
    if (!seen.has(name)) landmarks.push({ name, kind: landmark.kind });
    seen.add(name);
  }
  return {
    districtCode,
    streetCode: street.code,
    streetName: normalizeName(input.streetName, AREA_NAME_MAX_LENGTH, 'street name'),
    name: normalizeName(input.name, AREA_NAME_MAX_LENGTH, 'area name'),
    landmarks,
  };
}

/** One step of an area's assignment history (承包记录): who covered it, from when, until when. */
export interface AreaAssignment {
  areaId: string;
  courierId: string;
  startsAt: Date;
  /** Exclusive end; null while the assignment is current. */
  endsAt: Date | null;
}

/** Handing an area from one courier to another (交接承包区). */
export interface HandoverRequest {
  area: { id: string; outletId: string };
  fromCourierId: string;
  /** `coveredAreas`: the areas the courier covers now (0 when not counted). */
  toCourier: Assignee;
  at: Date;
  /** The area's open assignment, or null if it has none. */
  currentAssignment: AreaAssignment | null;
}

/** The outcome of a handover: the history steps to write, or every rule it breaks. */
export type HandoverPlan =
  | { ok: true; close: AreaAssignment; open: AreaAssignment }
  | { ok: false; errors: NetworkRuleError[] };

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * Most areas one courier covers at once (承包区): a round a courier can walk. The directory lists
 * a courier's areas without paging and the gateway's cost estimate assumes this size.
 */
export const MAX_AREAS_PER_COURIER = 50;

/** A courier about to cover an area; `coveredAreas` is how many it covers now. */
export interface Assignee {
  id: string;
  outletId: string;
  active?: boolean;
  coveredAreas?: number;
}

/**
 * Why a courier cannot cover an area of this outlet: another outlet's courier, one no longer
 * active, or one that would cover more than MAX_AREAS_PER_COURIER areas with `adding` more.
 */
export function assignabilityErrors(courier: Assignee, areaOutletId: string, adding = 1): NetworkRuleError[] {
  const errors: NetworkRuleError[] = [];
  if (courier.outletId !== areaOutletId) {
    errors.push(
      new NetworkRuleError('COURIER_OUTLET_MISMATCH', `courier ${courier.id} works for another outlet than the area's`, {
        courierId: courier.id,
        courierOutletId: courier.outletId,
        areaOutletId,
      }),
    );
  }
  if (courier.active === false) {
    errors.push(new NetworkRuleError('COURIER_INACTIVE', `courier ${courier.id} is not active`, { courierId: courier.id }));
  }
  if ((courier.coveredAreas ?? 0) + adding > MAX_AREAS_PER_COURIER) {
    errors.push(
      new NetworkRuleError('COURIER_AREA_LIMIT', `courier ${courier.id} would cover more than ${MAX_AREAS_PER_COURIER} areas; hand some over first`, {
        courierId: courier.id,
        coveredAreas: courier.coveredAreas ?? 0,
      }),
    );
  }
  return errors;
}

/** Throws the first rule a courier breaks for an area's first assignment (the same rules a handover checks). */
export function assertAssignable(courier: Assignee, areaOutletId: string, adding = 1): void {
  const [first] = assignabilityErrors(courier, areaOutletId, adding);
  if (first) throw first;
}

/** Clock difference tolerated between a caller and us when it says "effective now". */
export const HANDOVER_CLOCK_TOLERANCE_MS = 60_000;

/** When a handover takes effect: now by default; never in the future (the current courier would vanish early). */
export function handoverTime(effectiveAt: Date | null | undefined, now: Date): Date {
  const at = effectiveAt ?? now;
  if (!isValidDate(at) || at.getTime() > now.getTime() + HANDOVER_CLOCK_TOLERANCE_MS) {
    throw new NetworkRuleError('INVALID_HANDOVER_TIME', 'a handover takes effect now or in the past, never in the future', { at: String(effectiveAt) });
  }
  return at;
}

/** Checks a handover and, if allowed, returns the current assignment closed at `at` and the new one opened at `at`. */
export function planHandover(request: HandoverRequest): HandoverPlan {
  const { area, fromCourierId, toCourier, at, currentAssignment: current } = request;
  const errors: NetworkRuleError[] = [];
  if (!isValidDate(at)) {
    errors.push(new NetworkRuleError('INVALID_HANDOVER_TIME', 'handover time is not a valid date', { at: String(at) }));
  }
  if (fromCourierId === toCourier.id) {
    errors.push(new NetworkRuleError('SAME_COURIER', `courier ${fromCourierId} already covers the area`, { courierId: fromCourierId }));
  }
  const covered =
    current !== null && current.areaId === area.id && current.courierId === fromCourierId && current.endsAt === null;
  if (!covered) {
    errors.push(
      new NetworkRuleError('AREA_NOT_COVERED_BY_FROM', `area ${area.id} is not currently covered by courier ${fromCourierId}`, {
        areaId: area.id,
        fromCourierId,
        currentCourierId: current?.endsAt === null ? current.courierId : null,
      }),
    );
  } else if (isValidDate(at) && at.getTime() <= current.startsAt.getTime()) {
    // History is half-open [startsAt, endsAt): a handover at or before the start would leave an empty or negative step.
    errors.push(
      new NetworkRuleError('HANDOVER_BEFORE_ASSIGNMENT_START', 'handover must come after the current assignment started', {
        at: at.toISOString(),
        startsAt: current.startsAt.toISOString(),
      }),
    );
  }
  errors.push(...assignabilityErrors(toCourier, area.outletId));
  if (errors.length > 0 || current === null) return { ok: false, errors };
  return {
    ok: true,
    close: { ...current, endsAt: at },
    open: { areaId: area.id, courierId: toCourier.id, startsAt: at, endsAt: null },
  };
}

/** Like `planHandover`, but throws the first broken rule. */
export function planHandoverOrThrow(request: HandoverRequest): { close: AreaAssignment; open: AreaAssignment } {
  const plan = planHandover(request);
  if (!plan.ok) throw plan.errors[0];
  return { close: plan.close, open: plan.open };
}

/** An area's history with the step closed and the new one appended, ordered by start. */
export function applyHandover(
  history: readonly AreaAssignment[],
  step: { close: AreaAssignment; open: AreaAssignment },
): AreaAssignment[] {
  const replaced = history.map((entry) =>
    entry.areaId === step.close.areaId && entry.courierId === step.close.courierId && entry.endsAt === null
      ? step.close
      : entry,
  );
  return validateAssignmentHistory([...replaced, step.open]);
}

/** Sorts one area's history by start and checks steps are non-empty and never overlap. Throws OVERLAPPING_ASSIGNMENTS. */
export function validateAssignmentHistory(history: readonly AreaAssignment[]): AreaAssignment[] {
  const sorted = [...history].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  sorted.forEach((entry, index) => {
    if (entry.endsAt !== null && entry.endsAt.getTime() <= entry.startsAt.getTime()) {
      throw new NetworkRuleError('OVERLAPPING_ASSIGNMENTS', `assignment of ${entry.courierId} ends before it starts`, {
        courierId: entry.courierId,
      });
    }
    const next = sorted[index + 1];
    if (next && (entry.endsAt === null || entry.endsAt.getTime() > next.startsAt.getTime())) {
      throw new NetworkRuleError('OVERLAPPING_ASSIGNMENTS', `assignments of ${entry.courierId} and ${next.courierId} overlap`, {
        courierIds: [entry.courierId, next.courierId],
      });
    }
  });
  return sorted;
}

/** The courier who covered the area at `at` (for "who delivered that day"), or null. */
export function courierAt(history: readonly AreaAssignment[], at: Date): string | null {
  const time = at.getTime();
  const entry = history.find(
    (step) => step.startsAt.getTime() <= time && (step.endsAt === null || time < step.endsAt.getTime()),
  );
  return entry?.courierId ?? null;
}
