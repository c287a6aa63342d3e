import type { WaybillRejection } from '@courierdesk/domain-parcel';
import {
  assertChargedLines,
  CHARGE_CODES,
  checkCharges,
  isChargeCode,
  MAX_FLOORS,
  MAX_SIDE_CM,
  TariffRuleError,
  type ChargeCheck,
  type ChargedLine,
  type Shipment,
  type Tariff,
} from '@courierdesk/domain-tariff';

/** Largest surcharge one line takes: ¥100,000 (the fen columns are checked far below 2^53). */
export const MAX_CHARGE_FEN = 10_000_000;
import type { WaybillRow } from '../waybill/waybill.row';

/** What the charge check reads of a stored waybill (a whole row has it; so does a seed's query). */
export type PricedWaybill = Pick<
  WaybillRow,
  | 'originDistrictCode' | 'destinationDistrictCode' | 'serviceLevel' | 'weightGrams' | 'lengthCm' | 'widthCm' | 'heightCm'
  | 'insuredValueFen' | 'upstairsFloors' | 'freightFen' | 'surcharges' | 'pickedUpAt' | 'createdAt'
>;

/** What a stored waybill was charged, line by line: the freight column, then the other lines in bill order. */
export function chargedLines(row: Pick<WaybillRow, 'freightFen' | 'surcharges'>): ChargedLine[] {
  const others = CHARGE_CODES.filter((code) => code !== 'FREIGHT' && isChargeCode(code) && (row.surcharges?.[code] ?? 0) > 0);
  return [{ code: 'FREIGHT', amountFen: row.freightFen }, ...others.map((code) => ({ code, amountFen: row.surcharges[code] }))];
}

/** The shipment a stored waybill describes, as the tariff prices it. */
export const shipmentOfWaybill = (row: PricedWaybill): Shipment => ({
  originDistrictCode: row.originDistrictCode,
  destinationDistrictCode: row.destinationDistrictCode,
  serviceLevel: row.serviceLevel,
  weightGrams: row.weightGrams,
  dimensionsCm: row.lengthCm !== null && row.widthCm !== null && row.heightCm !== null ? { length: row.lengthCm, width: row.widthCm, height: row.heightCm } : null,
  insuredValueFen: row.insuredValueFen,
  upstairsFloors: row.upstairsFloors,
});

/** The instant whose tariff a waybill's charge is checked against: its pickup (揽收), or the order time without one. */
export const pricedAtOf = (row: Pick<WaybillRow, 'pickedUpAt' | 'createdAt'>): Date => row.pickedUpAt ?? row.createdAt;

/** The charge check of a stored waybill; null when no tariff was in force at its pickup. */
export function chargeCheckOf(row: PricedWaybill, tariffs: readonly Tariff[]): ChargeCheck | null {
  const at = pricedAtOf(row);
  if (!tariffs.some((t) => t.effectiveFrom.getTime() <= at.getTime())) return null;
  return checkCharges(tariffs, shipmentOfWaybill(row), chargedLines(row), at);
}

/** What a new waybill carries for its charge check, besides the freight. */
export interface WaybillChargeFields {
  dimensions?: { lengthCm: number; widthCm: number; heightCm: number } | null;
  upstairsFloors?: number | null;
  surcharges?: readonly { code: string; amountFen: number }[] | null;
}

/** The columns of a new waybill's charge fields, once valid. */
export interface ValidChargeFields {
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  upstairsFloors: number;
  surcharges: Record<string, number>;
}

/**
 * Checks a new waybill's size, floors and surcharges (per-item rejections, like the other fields)
 * and returns its columns. Amounts are only checked to be a bill (known codes, once each, whole
 * fen): whether they agree with the tariff is the charge check's question, asked later.
 */
export function validChargeFields(input: WaybillChargeFields): { columns: ValidChargeFields; reasons: WaybillRejection[] } {
  const reasons: WaybillRejection[] = [];
  const reject = (field: string, code: string, message: string) => reasons.push({ field, code, message, kind: 'BAD_USER_INPUT' });
  const d = input.dimensions ?? null;
  if (d && ![d.lengthCm, d.widthCm, d.heightCm].every((cm) => Number.isSafeInteger(cm) && cm >= 1 && cm <= MAX_SIDE_CM)) {
    reject('dimensions', 'INVALID_DIMENSIONS', `each side is whole centimetres from 1 to ${MAX_SIDE_CM}`);
  }
  const floors = input.upstairsFloors ?? 0;
  if (!Number.isSafeInteger(floors) || floors < 0 || floors > MAX_FLOORS) reject('upstairsFloors', 'INVALID_FLOORS', `floors are a whole number from 0 to ${MAX_FLOORS}`);
  const surcharges: Record<string, number> = {};
  try {
    for (const [code, fen] of assertChargedLines((input.surcharges ?? []) as ChargedLine[])) {
      if (code === 'FREIGHT') reject('surcharges', 'DUPLICATE_CHARGE_LINE', 'the freight is freightFen, not a surcharge');
      else if (fen > MAX_CHARGE_FEN) reject('surcharges', 'INVALID_AMOUNT', `a surcharge is at most ${MAX_CHARGE_FEN} fen`);
      else if (fen > 0) surcharges[code] = fen;
    }
  } catch (err) {
    if (!(err instanceof TariffRuleError)) throw err;
    reject('surcharges', err.code, err.message);
  }
  return {
    columns: { lengthCm: d?.lengthCm ?? null, widthCm: d?.widthCm ?? null, heightCm: d?.heightCm ?? null, upstairsFloors: floors, surcharges },
    reasons,
  };
}
