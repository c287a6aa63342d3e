import { parseDivisionCode } from '@courierdesk/domain-network';
import { HOUR_MS, assertValidDate } from '@courierdesk/domain-sla';
import { ParcelRuleError } from './parcel.errors';

/** Service level (产品时效) bought by the sender. Values are API. */
export const ServiceLevel = {
  /** Standard express (标准快递). */
  STANDARD: 'STANDARD',
  /** Express, faster and dearer (特快). */
  EXPRESS: 'EXPRESS',
  /** Economy, slower and cheaper (经济快递). */
  ECONOMY: 'ECONOMY',
} as const;
/** Service level (产品时效). */
export type ServiceLevel = (typeof ServiceLevel)[keyof typeof ServiceLevel];

/** All service levels, in declaration order. */
export const SERVICE_LEVELS: readonly ServiceLevel[] = Object.values(ServiceLevel);

/** How far a lane goes: same city (同城), same province (省内), across provinces (跨省). */
export type DistanceClass = 'SAME_CITY' | 'SAME_PROVINCE' | 'CROSS_PROVINCE';

/** A lane (线路): origin city → destination city, as six-digit city-level division codes (440300). */
export interface Lane {
  originCity: string;
  destinationCity: string;
}

/** Where an estimate comes from. */
export type EtaSource = 'LANE_HISTORY' | 'SERVICE_LEVEL_DEFAULT';

/** How much to trust an estimate: HIGH with ≥ 4× the minimum history, MEDIUM with enough, LOW on defaults. */
export type EtaConfidence = 'HIGH' | 'MEDIUM' | 'LOW';

/** Input of estimateDelivery; history is past door-to-door durations in hours on this lane and level. */
export interface EtaInput {
  /** Pickup time (揽收时间). */
  shippedAt: Date;
  lane: Lane;
  serviceLevel: ServiceLevel;
  history: readonly number[];
  /** Samples needed to trust the lane's history; 30 by default. */
  minSamples?: number;
}

/** An expected delivery time (预计送达时间) with its band and where it comes from. */
export interface DeliveryEstimate {
  expectedAt: Date;
  earliest: Date;
  latest: Date;
  source: EtaSource;
  /** Usable history samples (finite, > 0 h). */
  samples: number;
  confidence: EtaConfidence;
  distanceClass: DistanceClass;
  /** One sentence saying how the estimate was made, for agents and clients. */
  basis: string;
}

/** Default history needed before a lane's own numbers are trusted. */
export const DEFAULT_MIN_SAMPLES = 30;

/**
 * Door-to-door hours used when a lane has too little history: STANDARD 1/2/3 days, EXPRESS
 * 12 h/1/2 days, ECONOMY 2/3/5 days for same city / same province / cross-province — the usual
 * promises of Chinese express products, not measurements.
 */
export const DEFAULT_TRANSIT_HOURS: Readonly<Record<ServiceLevel, Readonly<Record<DistanceClass, number>>>> = {
  STANDARD: { SAME_CITY: 24, SAME_PROVINCE: 48, CROSS_PROVINCE: 72 },
  EXPRESS: { SAME_CITY: 12, SAME_PROVINCE: 24, CROSS_PROVINCE: 48 },
  ECONOMY: { SAME_CITY: 48, SAME_PROVINCE: 72, CROSS_PROVINCE: 120 },
};

/** Band around a default: half to twice the default, wider than a lane's 10th–90th percentile on purpose. */
export const DEFAULT_BAND: Readonly<{ earliest: number; latest: number }> = { earliest: 0.5, latest: 2 };

const CITY_CODE = /^\d{4}00$/;

const invalidLane = (why: string, details: Record<string, unknown>): ParcelRuleError =>
  new ParcelRuleError('INVALID_LANE', `not a lane: ${why}`, details);

/** The six-digit city code of a district or city code: 440305 → 440300. Throws INVALID_LANE. */
export function cityOf(divisionCode: string): string {
  let city: string | null;
  try {
    city = parseDivisionCode(divisionCode).city;
  } catch (error) {
    throw invalidLane((error as Error).message, { code: divisionCode });
  }
  if (city === null) throw invalidLane(`${divisionCode} is a province, not a city or district`, { code: divisionCode });
  return `${city}00`;
}

/** The lane between two district (or city) codes. Throws INVALID_LANE. */
export const laneOf = (originDistrictCode: string, destinationDistrictCode: string): Lane => ({
  originCity: cityOf(originDistrictCode),
  destinationCity: cityOf(destinationDistrictCode),
});

/** City-to-city lane key, `440300-110100`, under which lane history is kept. Throws INVALID_LANE. */
export function laneKey(originDistrictCode: string, destinationDistrictCode: string): string {
  const lane = laneOf(originDistrictCode, destinationDistrictCode);
  return `${lane.originCity}-${lane.destinationCity}`;
}

/** Same city, same province or cross-province. Throws INVALID_LANE for codes that are not city codes. */
export function distanceClass(lane: Lane): DistanceClass {
  for (const code of [lane?.originCity, lane?.destinationCity]) {
    if (!CITY_CODE.test(code ?? '') || code.endsWith('0000')) throw invalidLane(`${code} is not a six-digit city code`, { code });
  }
  if (lane.originCity === lane.destinationCity) return 'SAME_CITY';
  return lane.originCity.slice(0, 2) === lane.destinationCity.slice(0, 2) ? 'SAME_PROVINCE' : 'CROSS_PROVINCE';
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (Excel PERCENTILE.INC,
 * numpy's default). Throws EMPTY_SAMPLE for no values, INVALID_ETA_INPUT for p outside 0–100.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new ParcelRuleError('EMPTY_SAMPLE', 'percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new ParcelRuleError('INVALID_ETA_INPUT', `percentile ${p} is not within 0–100`, { p });
  if (values.some((v) => !Number.isFinite(v))) throw new ParcelRuleError('INVALID_ETA_INPUT', 'percentile of a non-finite value');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
}

const at = (from: Date, hours: number): Date => new Date(from.getTime() + Math.round(hours * HOUR_MS));

/**
 * Expected delivery time and band. With at least `minSamples` past durations on the lane and level:
 * the median, and the 10th–90th percentile as the band. With fewer: the service-level default for
 * the distance class, half to twice as the band, and the basis says so. Bad history values
 * (non-finite, ≤ 0 h) are data errors upstream and are left out rather than failing the query.
 */
export function estimateDelivery(input: EtaInput): DeliveryEstimate {
  const shippedAt = assertValidDate(input.shippedAt, 'shippedAt');
  const minSamples = input.minSamples ?? DEFAULT_MIN_SAMPLES;
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new ParcelRuleError('INVALID_ETA_INPUT', `minSamples ${minSamples} must be an integer ≥ 1`, { minSamples });
  }
  if (!(SERVICE_LEVELS as readonly string[]).includes(input.serviceLevel)) {
    const { serviceLevel } = input;
    throw new ParcelRuleError('INVALID_ETA_INPUT', `unknown service level "${serviceLevel}"`, { serviceLevel });
  }
  const distance = distanceClass(input.lane);
  const key = `${input.lane.originCity}-${input.lane.destinationCity}`;
  const history = (input.history ?? []).filter((h) => Number.isFinite(h) && h > 0);
  const samples = history.length;
  if (samples >= minSamples) {
    const median = percentile(history, 50);
    return {
      expectedAt: at(shippedAt, median),
      earliest: at(shippedAt, percentile(history, 10)),
      latest: at(shippedAt, percentile(history, 90)),
      source: 'LANE_HISTORY',
      samples,
      confidence: samples >= 4 * minSamples ? 'HIGH' : 'MEDIUM',
      distanceClass: distance,
      basis:
        `median of ${samples} past ${input.serviceLevel} parcels on lane ${key} (${Math.round(median * 10) / 10} h); ` +
        'band is their 10th–90th percentile',
    };
  }
  const hours = DEFAULT_TRANSIT_HOURS[input.serviceLevel][distance];
  return {
    expectedAt: at(shippedAt, hours),
    earliest: at(shippedAt, hours * DEFAULT_BAND.earliest),
    latest: at(shippedAt, hours * DEFAULT_BAND.latest),
    source: 'SERVICE_LEVEL_DEFAULT',
    samples,
    confidence: 'LOW',
    distanceClass: distance,
    basis:
      `only ${samples} past ${input.serviceLevel} parcels on lane ${key} (need ${minSamples}): ` +
      `${input.serviceLevel} default for ${distance} (${hours} h), band ×${DEFAULT_BAND.earliest}–×${DEFAULT_BAND.latest}`,
  };
}
