import { policyInForce } from '@courierdesk/domain-sla';
import { formatYuan } from '@courierdesk/domain-core';
import { CHARGE_CODES, CHARGE_NAMES_ZH, isChargeCode, type ChargeCode } from './charge-code';
import { chinaDateTime, longestSideCm, priceWith, type Price, type Shipment } from './quote';
import type { Tariff } from './tariff';
import { TariffRuleError } from './tariff.errors';

/** What was charged for one line (实收), fen. */
export interface ChargedLine {
  code: ChargeCode;
  amountFen: number;
}

/** How one charged line compares with the tariff. Values are API. */
export type ChargeLineVerdict =
  /** Charged what the tariff allows. */
  | 'MATCHES'
  /** Charged more than the tariff allows for a line that applies (多收). */
  | 'OVERCHARGED'
  /** Charged less than the tariff allows (少收): the network's loss, never the customer's debt. */
  | 'UNDERCHARGED'
  /** Charged a line the tariff does not allow at all for this shipment (乱收费). */
  | 'NOT_ALLOWED';

/** The whole charge. Values are API. */
export type ChargeVerdict = 'CORRECT' | 'OVERCHARGED' | 'UNDERCHARGED';

/** One line of a charge check. */
export interface ChargeCheckLine {
  code: ChargeCode;
  allowedFen: number;
  chargedFen: number;
  /** charged − allowed: above 0 the customer paid too much. */
  differenceFen: number;
  verdict: ChargeLineVerdict;
  /** The rule that decides the line, with its numbers. */
  rule: string;
  ruleZh: string;
}

/** Is the charge right (运费核查): what the tariff in force at pickup allowed against what was charged. */
export interface ChargeCheck {
  tariffVersion: string;
  pricedAt: Date;
  price: Price;
  lines: ChargeCheckLine[];
  allowedTotalFen: number;
  chargedTotalFen: number;
  /**
   * What the customer is owed back (应退): the sum of the lines charged above the tariff. An
   * undercharged line is never netted against it — the customer paid what was asked.
   */
  refundOwedFen: number;
  verdict: ChargeVerdict;
  /** One paragraph an agent can read to the customer. */
  explanationZh: string;
}

/** Throws UNKNOWN_CHARGE_CODE, DUPLICATE_CHARGE_LINE or INVALID_AMOUNT unless the lines are a bill; returns them by code. */
export function assertChargedLines(lines: readonly ChargedLine[]): Map<ChargeCode, number> {
  const byCode = new Map<ChargeCode, number>();
  for (const line of lines) {
    if (!isChargeCode(String(line.code))) throw new TariffRuleError('UNKNOWN_CHARGE_CODE', `unknown charge ${String(line.code)}`, { code: String(line.code) });
    if (byCode.has(line.code)) throw new TariffRuleError('DUPLICATE_CHARGE_LINE', `${line.code} is charged twice`, { code: line.code });
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen < 0) {
      throw new TariffRuleError('INVALID_AMOUNT', `${line.code} must be a whole, non-negative number of fen`, { code: line.code, amountFen: line.amountFen });
    }
    byCode.set(line.code, line.amountFen);
  }
  return byCode;
}

/** Why a line the tariff does not allow was not allowed, in English and Chinese. */
function notAllowedWhy(code: ChargeCode, tariff: Tariff, shipment: Shipment, price: Price): { rule: string; ruleZh: string } {
  switch (code) {
    case 'OVERSIZE': {
      const longest = longestSideCm(shipment.dimensionsCm);
      const limit = tariff.oversize.longestSideOverCm;
      return longest === null
        ? { rule: 'no dimensions on file: no oversize surcharge can be charged', ruleZh: '无尺寸记录，不得收取超长附加费' }
        : { rule: `longest side ${longest} cm is not over ${limit} cm`, ruleZh: `最长边 ${longest}cm 未超过 ${limit}cm，不应收取超长附加费` };
    }
    case 'UPSTAIRS':
      return price.chargeableWeightGrams < tariff.upstairs.freightFromGrams
        ? {
            rule: `delivery to the door is part of the service under ${tariff.upstairs.freightFromGrams / 1000} kg; no stairs fee`,
            ruleZh: `${tariff.upstairs.freightFromGrams / 1000} kg 以下包裹送货上门含上楼，不应收取上楼费`,
          }
        : { rule: 'no delivery upstairs was asked for', ruleZh: '未要求上楼服务，不应收取上楼费' };
    case 'REMOTE_AREA':
      return { rule: `destination ${shipment.destinationDistrictCode} is not a listed remote area`, ruleZh: `目的地 ${shipment.destinationDistrictCode} 不属偏远地区，不应收取偏远附加费` };
    case 'INSURANCE':
      return { rule: 'the parcel was not insured', ruleZh: '未保价，不应收取保价费' };
    case 'FREIGHT':
      return { rule: 'freight always applies', ruleZh: '运费' };
  }
}

/**
 * An earlier version that would have allowed a line this one refuses (the charge follows a rule no
 * longer in force — the oversize threshold before 2026-10-01, say), or null.
 */
function olderRuleAllowing(code: ChargeCode, tariffs: readonly Tariff[], inForce: Tariff, shipment: Shipment): Tariff | null {
  const older = tariffs
    .filter((t) => t.effectiveFrom.getTime() < inForce.effectiveFrom.getTime())
    .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  for (const tariff of older) {
    if (priceWith(tariff, shipment, tariff.effectiveFrom).lines.some((l) => l.code === code && l.amountFen > 0)) return tariff;
  }
  return null;
}

/**
 * Checks a waybill's charges against the tariff in force at `pricedAt` (its pickup, or the order
 * time without one): each line's allowed amount, what was charged, the difference and the rule
 * deciding it; a line charged though the tariff does not allow it is NOT_ALLOWED, and names the
 * older version whose rule it followed when there is one. Throws NO_POLICY_IN_FORCE before the
 * first version, and the shipment's and lines' input errors.
 */
export function checkCharges(tariffs: readonly Tariff[], shipment: Shipment, charged: readonly ChargedLine[], pricedAt: Date): ChargeCheck {
  const chargedByCode = assertChargedLines(charged);
  const tariff = policyInForce(tariffs, pricedAt);
  const price = priceWith(tariff, shipment, pricedAt);
  const allowedByCode = new Map(price.lines.map((l) => [l.code, l] as const));
  const lines: ChargeCheckLine[] = [];
  for (const code of CHARGE_CODES) {
    const allowed = allowedByCode.get(code);
    const chargedFen = chargedByCode.get(code) ?? 0;
    if (!allowed && chargedFen === 0) continue;
    const allowedFen = allowed?.amountFen ?? 0;
    const differenceFen = chargedFen - allowedFen;
    let verdict: ChargeLineVerdict = 'MATCHES';
    if (differenceFen > 0) verdict = allowedFen === 0 ? 'NOT_ALLOWED' : 'OVERCHARGED';
    else if (differenceFen < 0) verdict = 'UNDERCHARGED';
    let { rule, ruleZh } = allowed ?? notAllowedWhy(code, tariff, shipment, price);
    if (verdict === 'NOT_ALLOWED') {
      const older = olderRuleAllowing(code, tariffs, tariff, shipment);
      if (older) {
        rule += `; ${older.version} allowed it, but ${tariff.version} is in force since ${chinaDateTime(tariff.effectiveFrom)}: charging it is overcharging`;
        ruleZh += `（${older.version} 的旧规则已于 ${chinaDateTime(tariff.effectiveFrom)} 起由 ${tariff.version} 取代，按旧规则收取属乱收费）`;
      }
    }
    lines.push({ code, allowedFen, chargedFen, differenceFen, verdict, rule: `${tariff.version}: ${rule}`, ruleZh });
  }
  const allowedTotalFen = lines.reduce((s, l) => s + l.allowedFen, 0);
  const chargedTotalFen = lines.reduce((s, l) => s + l.chargedFen, 0);
  const refundOwedFen = lines.reduce((s, l) => s + Math.max(0, l.differenceFen), 0);
  const verdict: ChargeVerdict = refundOwedFen > 0 ? 'OVERCHARGED' : lines.some((l) => l.differenceFen < 0) ? 'UNDERCHARGED' : 'CORRECT';
  const over = lines.filter((l) => l.differenceFen > 0).map((l) => `${CHARGE_NAMES_ZH[l.code]}多收 ${formatYuan(l.differenceFen)}：${l.ruleZh}`);
  const head = `按揽收时有效的资费 ${tariff.version}（${chinaDateTime(pricedAt)}）：应收 ${formatYuan(allowedTotalFen)}，实收 ${formatYuan(chargedTotalFen)}`;
  const explanationZh =
    verdict === 'OVERCHARGED'
      ? `${head}，多收 ${formatYuan(refundOwedFen)}，应予退还。${over.join('；')}。`
      : verdict === 'UNDERCHARGED'
        ? `${head}，收费未超过标准（少收部分不向客户追收）。`
        : `${head}，收费符合标准。`;
  return { tariffVersion: tariff.version, pricedAt, price, lines, allowedTotalFen, chargedTotalFen, refundOwedFen, verdict, explanationZh };
}
