import { SERVICE_LEVELS, type ServiceLevel } from '@courierdesk/domain-parcel';
import { assertValidDate, formatChinaTime, policyInForce } from '@courierdesk/domain-sla';
import { formatYuan } from '@courierdesk/domain-core';
import { CHARGE_NAMES_ZH, type ChargeCode } from './charge-code';
import type { Tariff, WeightRate } from './tariff';
import { TariffRuleError } from './tariff.errors';
import { placeOf, zoneOf, ZONE_NAMES_ZH, type Zone } from './zone';

/** Outer size of a parcel in whole centimetres (长宽高). */
export interface DimensionsCm {
  length: number;
  width: number;
  height: number;
}

/** What a price is asked for (询价): a shipment as the sender describes it. */
export interface Shipment {
  originDistrictCode: string;
  destinationDistrictCode: string;
  serviceLevel: ServiceLevel;
  /** Actual weight (实重) in grams. */
  weightGrams: number;
  /** Outer size; without it there is no volumetric weight and no oversize surcharge. */
  dimensionsCm?: DimensionsCm | null;
  /** The value insured (保价金额), fen; 0 or absent when not insured. */
  insuredValueFen?: number | null;
  /** Floors above the ground floor carried without a lift (上楼层数), when delivery upstairs is asked for. */
  upstairsFloors?: number | null;
}

/** One line of a price, with the rule that decides it. */
export interface PriceLine {
  code: ChargeCode;
  amountFen: number;
  /** The rule and the numbers, in English. */
  rule: string;
  /** The same, for the customer (中文). */
  ruleZh: string;
}

/** A price (报价) by the tariff version it names. */
export interface Price {
  tariffVersion: string;
  /** The instant whose tariff priced it (the pickup, for a waybill). */
  pricedAt: Date;
  zone: Zone;
  actualWeightGrams: number;
  /** Volumetric weight (体积重); null without dimensions. */
  volumetricWeightGrams: number | null;
  /** The weight charged (计费重量): the larger of actual and volumetric. */
  chargeableWeightGrams: number;
  /** Lines that apply, FREIGHT first; a surcharge that does not apply is not listed. */
  lines: PriceLine[];
  totalFen: number;
}

/** Largest weight a quote accepts: 1 t (freight beyond it is a truckload, not a parcel). */
export const MAX_WEIGHT_GRAMS = 1_000_000;
/** Largest side a quote accepts: 10 m. */
export const MAX_SIDE_CM = 1_000;
/** Most floors carried: 60. */
export const MAX_FLOORS = 60;
/** Largest insured value: ¥1,000,000 (above it a parcel goes as valuables, priced apart). */
export const MAX_INSURED_VALUE_FEN = 100_000_000;

const kg = (grams: number): string => `${grams / 1000} kg`;

function assertShipment(s: Shipment): void {
  if (!(SERVICE_LEVELS as readonly string[]).includes(s.serviceLevel)) {
    throw new TariffRuleError('INVALID_TARIFF', `unknown service level ${String(s.serviceLevel)}`, { serviceLevel: String(s.serviceLevel) });
  }
  placeOf(s.originDistrictCode, 'origin');
  placeOf(s.destinationDistrictCode, 'destination');
  if (!Number.isSafeInteger(s.weightGrams) || s.weightGrams <= 0 || s.weightGrams > MAX_WEIGHT_GRAMS) {
    throw new TariffRuleError('INVALID_WEIGHT', `weight is whole grams from 1 to ${MAX_WEIGHT_GRAMS}`, { weightGrams: s.weightGrams });
  }
  if (s.dimensionsCm) {
    for (const side of ['length', 'width', 'height'] as const) {
      const value = s.dimensionsCm[side];
      if (!Number.isSafeInteger(value) || value <= 0 || value > MAX_SIDE_CM) {
        throw new TariffRuleError('INVALID_DIMENSIONS', `${side} is whole centimetres from 1 to ${MAX_SIDE_CM}`, { side, value });
      }
    }
  }
  const insured = s.insuredValueFen ?? 0;
  if (!Number.isSafeInteger(insured) || insured < 0 || insured > MAX_INSURED_VALUE_FEN) {
    throw new TariffRuleError('INVALID_AMOUNT', `the insured value is whole fen from 0 to ${MAX_INSURED_VALUE_FEN}`, { insuredValueFen: insured });
  }
  const floors = s.upstairsFloors ?? 0;
  if (!Number.isSafeInteger(floors) || floors < 0 || floors > MAX_FLOORS) {
    throw new TariffRuleError('INVALID_FLOORS', `floors carried are a whole number from 0 to ${MAX_FLOORS}`, { upstairsFloors: floors });
  }
}

/** Volumetric weight in grams, rounded up: L × W × H (cm³) ÷ divisor (cm³/kg). */
export function volumetricGrams(d: DimensionsCm, divisor: number): number {
  return Math.ceil((d.length * d.width * d.height * 1000) / divisor);
}

/** First weight plus each started step beyond it (首重 + 续重), and the number of steps. */
export function weightPrice(rate: WeightRate, chargeableGrams: number): { fen: number; steps: number } {
  const steps = chargeableGrams <= rate.firstWeightGrams ? 0 : Math.ceil((chargeableGrams - rate.firstWeightGrams) / rate.stepGrams);
  return { fen: rate.firstFen + steps * rate.stepFen, steps };
}

/** Insurance fee: the share of the insured value, rounded half up to the fen, never under the minimum; 0 when not insured. */
export function insuranceFen(insuredValueFen: number, insurance: Tariff['insurance']): number {
  if (insuredValueFen <= 0) return 0;
  const share = Math.floor((insuredValueFen * insurance.rateBasisPoints + 5_000) / 10_000);
  return Math.max(share, insurance.minimumFen);
}

/** The longest side, or null without dimensions. */
export const longestSideCm = (d: DimensionsCm | null | undefined): number | null => (d ? Math.max(d.length, d.width, d.height) : null);

/** True when the destination lies under one of the tariff's remote-area prefixes. */
export const inRemoteArea = (destinationCode: string, tariff: Tariff): boolean =>
  tariff.remoteArea.districtPrefixes.some((prefix) => placeOf(destinationCode, 'destination').code.startsWith(prefix));

/**
 * Prices a shipment by one tariff version: zone from the division codes, chargeable weight (the
 * larger of actual and volumetric), first weight plus started steps, insurance, and the surcharges
 * that apply. Throws INVALID_WEIGHT, INVALID_DIMENSIONS, INVALID_AMOUNT, INVALID_FLOORS,
 * DISTRICT_CODE_REQUIRED (or domain-network's INVALID_DISTRICT_CODE).
 */
export function priceWith(tariff: Tariff, shipment: Shipment, pricedAt: Date): Price {
  assertShipment(shipment);
  const zone = zoneOf(shipment.originDistrictCode, shipment.destinationDistrictCode, tariff.remoteProvinces);
  const level = shipment.serviceLevel;
  const divisor = tariff.volumetricDivisor[level];
  const volumetric = shipment.dimensionsCm ? volumetricGrams(shipment.dimensionsCm, divisor) : null;
  const chargeable = Math.max(shipment.weightGrams, volumetric ?? 0);
  const rate = tariff.rates[level][zone];
  const freight = weightPrice(rate, chargeable);
  const byVolume = volumetric !== null && volumetric > shipment.weightGrams;
  const weightWhy = byVolume
    ? `volumetric ${kg(volumetric)} (${shipment.dimensionsCm!.length}×${shipment.dimensionsCm!.width}×${shipment.dimensionsCm!.height} cm ÷ ${divisor}) over actual ${kg(shipment.weightGrams)}`
    : `actual ${kg(shipment.weightGrams)}`;
  const weightWhyZh = byVolume ? `体积重 ${kg(volumetric)} 大于实重 ${kg(shipment.weightGrams)}，按体积重计` : `实重 ${kg(shipment.weightGrams)}`;
  const lines: PriceLine[] = [
    {
      code: 'FREIGHT',
      amountFen: freight.fen,
      rule: `${level} ${zone}: first ${kg(rate.firstWeightGrams)} ${rate.firstFen} fen + ${freight.steps} × ${kg(rate.stepGrams)} at ${rate.stepFen} fen; chargeable ${kg(chargeable)} (${weightWhy})`,
      ruleZh: `${ZONE_NAMES_ZH[zone]}：首重 ${kg(rate.firstWeightGrams)} ${formatYuan(rate.firstFen)}，续重 ${freight.steps} × ${kg(rate.stepGrams)} × ${formatYuan(rate.stepFen)}；计费重量 ${kg(chargeable)}（${weightWhyZh}）`,
    },
  ];
  const insured = shipment.insuredValueFen ?? 0;
  if (insured > 0) {
    const fee = insuranceFen(insured, tariff.insurance);
    const bp = tariff.insurance.rateBasisPoints;
    lines.push({
      code: 'INSURANCE',
      amountFen: fee,
      rule: `${bp / 100} % of the insured ${insured} fen, at least ${tariff.insurance.minimumFen} fen`,
      ruleZh: `保价金额 ${formatYuan(insured)} × ${bp / 100}%，最低 ${formatYuan(tariff.insurance.minimumFen)}`,
    });
  }
  if (inRemoteArea(shipment.destinationDistrictCode, tariff)) {
    lines.push({
      code: 'REMOTE_AREA',
      amountFen: tariff.remoteArea.fen,
      rule: `destination ${shipment.destinationDistrictCode} is a listed remote area`,
      ruleZh: `目的地 ${shipment.destinationDistrictCode} 属偏远地区，加收 ${formatYuan(tariff.remoteArea.fen)}`,
    });
  }
  const longest = longestSideCm(shipment.dimensionsCm);
  if (longest !== null && longest > tariff.oversize.longestSideOverCm) {
    lines.push({
      code: 'OVERSIZE',
      amountFen: tariff.oversize.fen,
      rule: `longest side ${longest} cm is over ${tariff.oversize.longestSideOverCm} cm`,
      ruleZh: `最长边 ${longest}cm 超过 ${tariff.oversize.longestSideOverCm}cm，加收 ${formatYuan(tariff.oversize.fen)}`,
    });
  }
  const floors = shipment.upstairsFloors ?? 0;
  if (floors > 0 && chargeable >= tariff.upstairs.freightFromGrams) {
    lines.push({
      code: 'UPSTAIRS',
      amountFen: floors * tariff.upstairs.perFloorFen,
      rule: `${floors} floor(s) without a lift at ${tariff.upstairs.perFloorFen} fen: freight of ${kg(chargeable)} (from ${kg(tariff.upstairs.freightFromGrams)})`,
      ruleZh: `大件 ${kg(chargeable)}（${kg(tariff.upstairs.freightFromGrams)} 起）无电梯上楼 ${floors} 层 × ${formatYuan(tariff.upstairs.perFloorFen)}`,
    });
  }
  return {
    tariffVersion: tariff.version,
    pricedAt,
    zone,
    actualWeightGrams: shipment.weightGrams,
    volumetricWeightGrams: volumetric,
    chargeableWeightGrams: chargeable,
    lines,
    totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
  };
}

/**
 * The price of a shipment at `at` by the tariff version in force then (NO_POLICY_IN_FORCE before
 * the first). A quote asked today uses today's tariff; a waybill's check uses its pickup's.
 */
export function quote(tariffs: readonly Tariff[], shipment: Shipment, at: Date): Price {
  assertValidDate(at, 'at');
  return priceWith(policyInForce(tariffs, at), shipment, at);
}

/** The Chinese name of a charge line with its amount: "超长附加费 30.00元". */
export const lineZh = (code: ChargeCode, fen: number): string => `${CHARGE_NAMES_ZH[code]} ${formatYuan(fen)}`;

/** "2026-10-01 00:00" in Beijing time, for explanations. */
export const chinaDateTime = (at: Date): string => formatChinaTime(at);
