import type { AreaMatchReason } from './area-match';

/** The answer to "do we deliver here" (派送范围查询) for one address. */
export const CoverageAnswer = {
  /** Delivered to the door (派送上门): the matched area — or, asked without a street, an area of the district — has a courier now. */
  SERVED: 'SERVED',
  /**
   * Self pick-up only (仅自提): nobody delivers to the door here now, but partner stations (驿站、代收点)
   * in the district take the parcel in and the recipient collects it there.
   */
  SERVED_BY_PICKUP_ONLY: 'SERVED_BY_PICKUP_ONLY',
  /**
   * An outlet delivers here but the area has no courier now (片区暂无快递员) and no station is in the
   * district: the parcel waits at the delivering outlet until one is assigned.
   */
  NO_COURIER: 'NO_COURIER',
  /** Outside the delivery range (超区): no outlet delivers in the district and no station takes parcels there. */
  NOT_SERVED: 'NOT_SERVED',
  /**
   * The district is served, but no area's street, name or landmark matches the text (未找到街道/地标):
   * ask the customer for the street or a landmark nearby before promising anything.
   */
  UNKNOWN_STREET: 'UNKNOWN_STREET',
} as const;
/** The answer to "do we deliver here" (派送范围查询). */
export type CoverageAnswer = (typeof CoverageAnswer)[keyof typeof CoverageAnswer];

/** What the network knows about one district and the address asked about. */
export interface CoverageFacts {
  /** True when the agent gave a street, address or landmark. */
  searched: boolean;
  /** Delivery areas (承包区) of the district. */
  areaCount: number;
  /** Those of them with a current courier. */
  coveredAreaCount: number;
  /** True when an outlet other than a partner station (直营/加盟网点) is in the district. */
  hasDeliveringOutlet: boolean;
  /** Partner stations (驿站、代收点) in the district. */
  stationCount: number;
  /** The best-matching area for the text, if any: whether it has a courier now. */
  best: { covered: boolean } | null;
}

/**
 * Door delivery by the network in the district (有派送): it has delivery areas — each belongs to an
 * outlet that delivers it — or an outlet other than a partner station. Stations take parcels in,
 * they do not deliver.
 */
export function isServed(facts: Pick<CoverageFacts, 'areaCount' | 'hasDeliveringOutlet'>): boolean {
  return facts.areaCount > 0 || facts.hasDeliveringOutlet;
}

/** The verdict from the facts: where the parcel ends up for an address in this district. */
export function coverageAnswer(facts: CoverageFacts): CoverageAnswer {
  const uncovered: CoverageAnswer = facts.stationCount > 0 ? 'SERVED_BY_PICKUP_ONLY' : 'NO_COURIER';
  if (!isServed(facts)) return facts.stationCount > 0 ? 'SERVED_BY_PICKUP_ONLY' : 'NOT_SERVED';
  if (facts.best) return facts.best.covered ? 'SERVED' : uncovered;
  if (facts.searched) return 'UNKNOWN_STREET';
  return facts.coveredAreaCount > 0 ? 'SERVED' : uncovered;
}

/** Everything the sentence read to the customer names; people's names already disclosed for the caller. */
export interface CoverageSentenceInput {
  answer: CoverageAnswer;
  districtCode: string;
  districtName: string;
  /** What the agent typed (trimmed), or null. */
  text: string | null;
  /** The best match: its street and, when a landmark or the area's name matched, that name. */
  match: { streetName: string; matched: string; reason: AreaMatchReason } | null;
  outletName: string | null;
  /** The courier's name as the caller may see it (张*), null when withheld; absent courier: `hasCourier` false. */
  courierName: string | null;
  hasCourier: boolean;
  areaCount: number;
  coveredAreaCount: number;
  stationCount: number;
  /** More stations exist than were counted (the list is bounded). */
  moreStations: boolean;
}

/** Language of the sentence: Chinese for the agent to read aloud, English for everyone else. */
export type CoverageLanguage = 'zh' | 'en';

function place(input: CoverageSentenceInput): string {
  const parts = [input.districtCode, input.districtName];
  if (input.match) {
    parts.push(input.match.streetName);
    if (input.match.reason !== 'STREET' && input.match.matched !== input.match.streetName) parts.push(input.match.matched);
  }
  return parts.join(' ');
}

function verdictZh(input: CoverageSentenceInput): string {
  const by = input.outletName ? `由 ${input.outletName} 派送` : null;
  const courier = input.courierName ? `快递员 ${input.courierName}` : '有快递员';
  switch (input.answer) {
    case 'SERVED':
      return by ? `${by}，${courier}` : `有派送：${input.areaCount} 个承包区，其中 ${input.coveredAreaCount} 个有快递员`;
    case 'NO_COURIER':
      return `${by ?? '有派送网点'}，但暂无快递员，包裹在网点等候派送`;
    case 'SERVED_BY_PICKUP_ONLY':
      return by ? `${by}，但片区暂无快递员，请到自提点取件` : '不派送上门，请到自提点取件';
    case 'NOT_SERVED':
      return '不在派送范围（超区）';
    case 'UNKNOWN_STREET':
      return `未找到“${input.text ?? ''}”所在的承包区，请核实街道或附近地标`;
  }
}

function verdictEn(input: CoverageSentenceInput): string {
  const by = input.outletName ? `delivered by ${input.outletName}` : null;
  const courier = input.courierName ? `courier ${input.courierName}` : 'a courier assigned';
  switch (input.answer) {
    case 'SERVED':
      return by ? `${by}, ${courier}` : `served: ${input.areaCount} delivery areas, ${input.coveredAreaCount} with a courier`;
    case 'NO_COURIER':
      return `${by ?? 'an outlet delivers here'}, but no courier is assigned: the parcel waits at the outlet`;
    case 'SERVED_BY_PICKUP_ONLY':
      return by ? `${by}, but the area has no courier: collect the parcel at a self pick-up station` : 'no door delivery: collect the parcel at a self pick-up station';
    case 'NOT_SERVED':
      return 'outside the delivery range';
    case 'UNKNOWN_STREET':
      return `no delivery area found for "${input.text ?? ''}": check the street or a landmark nearby`;
  }
}

function stations(input: CoverageSentenceInput, language: CoverageLanguage): string | null {
  if (input.stationCount === 0) return null;
  if (language === 'zh') return `区内自提点 ${input.stationCount} 个${input.moreStations ? '以上' : ''}`;
  const count = `${input.stationCount}${input.moreStations ? '+' : ''}`;
  return `${count} self pick-up station${input.stationCount === 1 && !input.moreStations ? '' : 's'} in the district`;
}

/**
 * One sentence an agent can read to the customer (派送范围答复), e.g.
 * `440305 南山区 粤海街道: 由 南山区科技园网点 派送，快递员 张*；区内自提点 2 个`.
 */
export function coverageSentence(input: CoverageSentenceInput, language: CoverageLanguage): string {
  const verdict = language === 'zh' ? verdictZh(input) : verdictEn(input);
  const pickup = stations(input, language);
  return `${place(input)}: ${verdict}${pickup ? (language === 'zh' ? `；${pickup}` : `; ${pickup}`) : ''}`;
}
