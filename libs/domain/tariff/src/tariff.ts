import { SERVICE_LEVELS, type ServiceLevel } from '@courierdesk/domain-parcel';
import { assertValidDate, type Versioned } from '@courierdesk/domain-sla';
import { PROVINCES } from '@courierdesk/domain-network';
import { TariffRuleError } from './tariff.errors';
import { ZONES, type Zone } from './zone';

/** Weight pricing of one service level in one zone (首重/续重), in grams and fen. */
export interface WeightRate {
  /** Weight the first price covers (首重), e.g. 1000 g. */
  firstWeightGrams: number;
  /** Price of the first weight (首重价格). */
  firstFen: number;
  /** Each additional started step (续重单位), e.g. 1000 g or 500 g. */
  stepGrams: number;
  /** Price of each additional step (续重价格). */
  stepFen: number;
}

/**
 * A tariff version (资费标准): every number a quote or a charge check uses, by effective date. It
 * applies from `effectiveFrom` until the next version's; published versions never change, so a
 * past waybill is always checked against the tariff in force at its pickup.
 */
export interface Tariff extends Versioned {
  rates: Readonly<Record<ServiceLevel, Readonly<Record<Zone, WeightRate>>>>;
  /** Volumetric divisor (抛比), cm³ per kg: volumetric kg = L × W × H ÷ divisor. */
  volumetricDivisor: Readonly<Record<ServiceLevel, number>>;
  /** Provinces priced as REMOTE to and from anywhere outside them (偏远省份), two-digit prefixes. */
  remoteProvinces: readonly string[];
  /** Insurance (保价): a share of the insured value in basis points (1/10000), with a minimum fee. */
  insurance: { rateBasisPoints: number; minimumFen: number };
  /** Remote-area surcharge (偏远附加费) for destinations under these division prefixes (2, 4 or 6 digits). */
  remoteArea: { districtPrefixes: readonly string[]; fen: number };
  /** Oversize surcharge (超长附加费) when the longest side is strictly over the threshold. */
  oversize: { longestSideOverCm: number; fen: number };
  /**
   * Carrying upstairs without a lift (上楼费), per floor above the ground floor — for freight only
   * (chargeable weight at least `freightFromGrams`); for parcels below it delivery to the door is
   * part of the service and nothing may be charged for stairs.
   */
  upstairs: { freightFromGrams: number; perFloorFen: number };
}

const invalid = (version: string, why: string, path: string): TariffRuleError =>
  new TariffRuleError('INVALID_TARIFF', `tariff ${version}: ${why}`, { version, path });

const wholeFen = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const positiveInt = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Tariff version names: `tariff-2026.2`. */
export const TARIFF_VERSION_PATTERN = /^tariff-\d{4}\.\d{1,3}$/;

/**
 * Checks that a tariff can price every shipment: a rate for each level and zone with positive
 * weights and whole fen, known remote provinces, prefixes of 2/4/6 digits. Returns it. Throws
 * INVALID_TARIFF naming the first broken path.
 */
export function validateTariff(tariff: Tariff): Tariff {
  const v = String(tariff?.version ?? '');
  if (!TARIFF_VERSION_PATTERN.test(v)) throw invalid(v, 'the version is named like tariff-2026.2', 'version');
  assertValidDate(tariff.effectiveFrom, 'effectiveFrom');
  for (const level of SERVICE_LEVELS) {
    for (const zone of ZONES) {
      const rate = tariff.rates?.[level]?.[zone];
      const path = `rates.${level}.${zone}`;
      if (!rate) throw invalid(v, `no rate for ${level} in ${zone}`, path);
      if (!positiveInt(rate.firstWeightGrams) || !positiveInt(rate.stepGrams)) throw invalid(v, 'weights are whole grams above 0', path);
      if (!wholeFen(rate.firstFen) || !wholeFen(rate.stepFen)) throw invalid(v, 'prices are whole fen, not negative', path);
    }
    if (!positiveInt(tariff.volumetricDivisor?.[level])) throw invalid(v, 'the volumetric divisor is a whole number above 0', `volumetricDivisor.${level}`);
  }
  for (const province of tariff.remoteProvinces ?? []) {
    if (!(province in PROVINCES)) throw invalid(v, `unknown province ${province}`, 'remoteProvinces');
  }
  const { insurance, remoteArea, oversize, upstairs } = tariff;
  if (!insurance || !wholeFen(insurance.rateBasisPoints) || insurance.rateBasisPoints > 10_000 || !wholeFen(insurance.minimumFen)) {
    throw invalid(v, 'insurance is 0–10000 basis points with a minimum in whole fen', 'insurance');
  }
  if (!remoteArea || !wholeFen(remoteArea.fen) || !remoteArea.districtPrefixes.every((p) => /^\d{2}(\d{2}(\d{2})?)?$/.test(p) && p.slice(0, 2) in PROVINCES)) {
    throw invalid(v, 'remote areas are division prefixes of 2, 4 or 6 digits with a fee in whole fen', 'remoteArea');
  }
  if (!oversize || !positiveInt(oversize.longestSideOverCm) || !wholeFen(oversize.fen)) throw invalid(v, 'oversize needs a threshold in cm and a fee', 'oversize');
  if (!upstairs || !positiveInt(upstairs.freightFromGrams) || !wholeFen(upstairs.perFloorFen)) throw invalid(v, 'upstairs needs a freight weight and a fee per floor', 'upstairs');
  return tariff;
}
