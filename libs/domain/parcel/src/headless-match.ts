import { chinaTime, type Versioned } from '@courierdesk/domain-sla';
import { toHalfWidth } from '@courierdesk/domain-network';
import { ParcelRuleError } from './parcel.errors';
import type { ScanLocation } from './scan-event';

/**
 * Matching headless parcels (无头件匹配) to a waybill reported lost or stalled: where the parcel
 * was found must lie on the waybill's route, when it was found must fit the time the waybill could
 * have been there, and its weight, size and description are compared. Hard exclusions drop a
 * parcel outright; the rest are ranked by points and every point is explained.
 */
export interface HeadlessMatchPolicy extends Versioned {
  /** Weight within ±max(ratio × the waybill's weight, minGrams) matches (称重误差). */
  weightTolerance: { ratio: number; minGrams: number };
  /** Weight off by more than this many tolerances: not this parcel (excluded). */
  weightExclusionFactor: number;
  /** Each dimension within ±max(ratio × the dimension, minCm) matches. */
  sizeTolerance: { ratio: number; minCm: number };
  /** Found up to this long before the waybill reached the place still counts (scanner clocks, late uploads). */
  slackHours: number;
  /** Found more than this many days after the waybill reached the place: excluded. */
  windowDays: number;
  /** Points of each component; a perfect match scores their sum. */
  points: { place: number; time: number; weight: number; size: number; words: number };
  /** Proposals a search records, best first. */
  maxProposals: number;
}

/**
 * The policy in force (无头件匹配规则 2026.1): weight ±max(10 %, 200 g), excluded beyond 3× that;
 * each dimension ±max(10 %, 2 cm); found from 2 h before the waybill reached the place to 30 days
 * after; 100 points: place 30, time 20, weight 25, size 10, description 15; ten proposals.
 */
export const HEADLESS_MATCH_POLICY: HeadlessMatchPolicy = {
  version: 'headless-match-2026.1',
  effectiveFrom: chinaTime(2026, 1, 1),
  weightTolerance: { ratio: 0.1, minGrams: 200 },
  weightExclusionFactor: 3,
  sizeTolerance: { ratio: 0.1, minCm: 2 },
  slackHours: 2,
  windowDays: 30,
  points: { place: 30, time: 20, weight: 25, size: 10, words: 15 },
  maxProposals: 10,
};

/** How a place lies on the waybill's route; the place of its last scan is where it most likely lost its label. */
export type RouteRole = 'LAST_SCAN' | 'SCANNED' | 'DESTINATION' | 'ORIGIN';

/** Share of the place points each role earns. */
const ROLE_SHARE: Record<RouteRole, number> = { LAST_SCAN: 1, DESTINATION: 0.8, SCANNED: 0.6, ORIGIN: 0.4 };
const ROLE_TEXT: Record<RouteRole, string> = {
  LAST_SCAN: 'found where the waybill was last scanned (最后扫描地)',
  DESTINATION: 'found at the destination outlet (派件网点)',
  SCANNED: 'found at a place the waybill passed (途经)',
  ORIGIN: 'found at the origin outlet (始发网点)',
};

/** A place on the route and since when the waybill could have been there. */
export interface RoutePlace {
  place: ScanLocation;
  role: RouteRole;
  /** The waybill's first scan there; for the destination or origin outlet not scanned yet, the last scan (creation) before it. */
  since: Date;
}

/** What a waybill tells the matching about itself. */
export interface WaybillForMatch {
  createdAt: Date;
  originOutletId: string;
  destinationOutletId: string;
  weightGrams: number;
  /** Places it was scanned at, with the first and last scan there. */
  visits: readonly { place: ScanLocation; firstAt: Date; lastAt: Date }[];
}

/** The places a headless parcel of this waybill can be found at: every place scanned, the destination and origin outlets. */
export function routeOf(waybill: WaybillForMatch): RoutePlace[] {
  const key = (p: ScanLocation) => `${p.kind}:${p.id}`;
  const last = waybill.visits.reduce<(typeof waybill.visits)[number] | null>((a, v) => (a === null || v.lastAt > a.lastAt ? v : a), null);
  const lastScanAt = last?.lastAt ?? waybill.createdAt;
  const places = new Map<string, RoutePlace>();
  for (const visit of waybill.visits) {
    places.set(key(visit.place), { place: visit.place, role: visit === last ? 'LAST_SCAN' : 'SCANNED', since: visit.firstAt });
  }
  const destination: ScanLocation = { kind: 'OUTLET', id: waybill.destinationOutletId };
  const known = places.get(key(destination));
  if (!known) places.set(key(destination), { place: destination, role: 'DESTINATION', since: lastScanAt });
  else if (known.role === 'SCANNED') known.role = 'DESTINATION';
  const origin: ScanLocation = { kind: 'OUTLET', id: waybill.originOutletId };
  if (!places.has(key(origin))) places.set(key(origin), { place: origin, role: 'ORIGIN', since: waybill.createdAt });
  return [...places.values()];
}

/** A registered headless parcel as the matching reads it. */
export interface HeadlessCandidate {
  id: string;
  parcelNo: string;
  foundPlace: ScanLocation;
  foundAt: Date;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  packaging: string | null;
  contents: string | null;
}

/** What the agent searches with: the goods description (托寄物) and, when the customer knows it, the size. */
export interface HeadlessQuery {
  description: string | null;
  sizeCm?: readonly [number, number, number] | null;
}

/** Why a parcel is not this waybill's, whatever else matches. */
export type HeadlessExclusion = 'NOT_ON_ROUTE' | 'FOUND_BEFORE_ARRIVAL' | 'FOUND_TOO_LATE' | 'WEIGHT_FAR_OFF';

/** One component's points and why. */
export interface MatchReason {
  component: 'PLACE' | 'TIME' | 'WEIGHT' | 'SIZE' | 'WORDS';
  points: number;
  text: string;
}

/** A candidate judged: excluded with a reason, or scored (0–the policy's total) with every reason. */
export type HeadlessMatch =
  | { candidate: HeadlessCandidate; excluded: HeadlessExclusion; score: 0; reasons: MatchReason[] }
  | { candidate: HeadlessCandidate; excluded: null; score: number; reasons: MatchReason[]; gapMs: number };

const HOUR = 3_600_000;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const samePlace = (a: ScanLocation, b: ScanLocation) => a.kind === b.kind && a.id === b.id;

/** The weight a parcel may differ by and still match (grams). */
export const weightTolerance = (grams: number, policy: HeadlessMatchPolicy = HEADLESS_MATCH_POLICY): number =>
  Math.max(policy.weightTolerance.ratio * grams, policy.weightTolerance.minGrams);

/** Judges one candidate against the waybill's route (routeOf), the query and the policy. */
export function judgeHeadlessCandidate(
  waybill: WaybillForMatch,
  route: readonly RoutePlace[],
  query: HeadlessQuery,
  candidate: HeadlessCandidate,
  policy: HeadlessMatchPolicy = HEADLESS_MATCH_POLICY,
): HeadlessMatch {
  const exclude = (excluded: HeadlessExclusion, text: string): HeadlessMatch => ({ candidate, excluded, score: 0, reasons: [{ component: excluded === 'WEIGHT_FAR_OFF' ? 'WEIGHT' : excluded === 'NOT_ON_ROUTE' ? 'PLACE' : 'TIME', points: 0, text }] });
  const stop = route.find((r) => samePlace(r.place, candidate.foundPlace));
  if (!stop) return exclude('NOT_ON_ROUTE', 'found at a place not on the waybill’s route');
  const earliest = stop.since.getTime() - policy.slackHours * HOUR;
  if (candidate.foundAt.getTime() < earliest) return exclude('FOUND_BEFORE_ARRIVAL', 'found before the waybill could have been there');
  const latest = stop.since.getTime() + policy.windowDays * 24 * HOUR;
  if (candidate.foundAt.getTime() > latest) return exclude('FOUND_TOO_LATE', `found more than ${policy.windowDays} days after the waybill was there`);
  const weightDiff = Math.abs(candidate.weightGrams - waybill.weightGrams);
  const tolerance = weightTolerance(waybill.weightGrams, policy);
  if (weightDiff > policy.weightExclusionFactor * tolerance) return exclude('WEIGHT_FAR_OFF', `weighs ${candidate.weightGrams} g against ${waybill.weightGrams} g: far outside ±${Math.round(tolerance)} g`);

  const reasons: MatchReason[] = [];
  const add = (component: MatchReason['component'], points: number, text: string) => reasons.push({ component, points: round1(points), text });
  const { points } = policy;
  add('PLACE', points.place * ROLE_SHARE[stop.role], ROLE_TEXT[stop.role]);

  const lastScanAt = waybill.visits.reduce((t, v) => Math.max(t, v.lastAt.getTime()), waybill.createdAt.getTime());
  const gapMs = Math.abs(candidate.foundAt.getTime() - lastScanAt);
  const gapHours = gapMs / HOUR;
  add('TIME', points.time * Math.max(0, 1 - gapHours / (policy.windowDays * 24)), `found ${gapHours < 48 ? `${Math.round(gapHours)} h` : `${Math.round(gapHours / 24)} days`} ${candidate.foundAt.getTime() >= lastScanAt ? 'after' : 'before'} the waybill’s last scan`);

  if (weightDiff <= tolerance) add('WEIGHT', points.weight * (1 - weightDiff / tolerance / 2), `weight ${candidate.weightGrams} g within ±${Math.round(tolerance)} g of ${waybill.weightGrams} g`);
  else add('WEIGHT', 0, `weight ${candidate.weightGrams} g outside ±${Math.round(tolerance)} g of ${waybill.weightGrams} g`);

  if (query.sizeCm) {
    const wanted = [...query.sizeCm].sort((a, b) => b - a);
    const found = [candidate.lengthCm, candidate.widthCm, candidate.heightCm].sort((a, b) => b - a);
    const within = wanted.filter((d, i) => Math.abs(found[i] - d) <= Math.max(policy.sizeTolerance.minCm, policy.sizeTolerance.ratio * d)).length;
    add('SIZE', (points.size * within) / 3, `${within} of 3 dimensions within tolerance (${found.join('×')} cm against ${wanted.join('×')} cm)`);
  }

  const words = compareDescriptions(query.description, [candidate.packaging, candidate.contents].filter(Boolean).join(' '));
  if (words) add('WORDS', points.words * words.share, words.matched.length > 0 ? `description shares ${words.matched.join('、')}` : words.share > 0 ? 'description shares some characters' : 'description shares nothing');

  return { candidate, excluded: null, score: round1(reasons.reduce((s, r) => s + r.points, 0)), reasons, gapMs };
}

/**
 * Ranks candidates: the scored ones by score, then nearer in time to the last scan, then parcel
 * number (a total order: the same inputs always rank the same); at most `maxProposals`.
 */
export function rankHeadlessCandidates(
  waybill: WaybillForMatch,
  query: HeadlessQuery,
  candidates: readonly HeadlessCandidate[],
  policy: HeadlessMatchPolicy = HEADLESS_MATCH_POLICY,
): { proposals: Extract<HeadlessMatch, { excluded: null }>[]; excluded: number } {
  const route = routeOf(waybill);
  const judged = candidates.map((c) => judgeHeadlessCandidate(waybill, route, query, c, policy));
  const scored = judged.filter((m): m is Extract<HeadlessMatch, { excluded: null }> => m.excluded === null);
  scored.sort((a, b) => b.score - a.score || a.gapMs - b.gapMs || (a.candidate.parcelNo < b.candidate.parcelNo ? -1 : a.candidate.parcelNo > b.candidate.parcelNo ? 1 : 0));
  return { proposals: scored.slice(0, policy.maxProposals), excluded: judged.length - scored.length };
}

// Chinese has no spaces: text is cut into runs of Han characters (compared by character bigrams)
// and runs of Latin letters and digits (compared as words); punctuation and spaces separate runs.
const HAN = /\p{Script=Han}+/gu;
const WORD = /[a-z0-9]+/g;
const normalise = (text: string): string => toHalfWidth(text).toLowerCase();

/** Character bigrams of the Han runs (a run of one character is its own token) and Latin/digit words of 2+ characters. */
export function descriptionTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const t = normalise(text);
  for (const run of t.match(HAN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) tokens.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i] + chars[i + 1]);
  }
  for (const word of t.match(WORD) ?? []) if (word.length >= 2) tokens.add(word);
  return tokens;
}

/** The query's whole words: its runs separated by spaces and punctuation (蓝色 纸箱, iPhone). */
const wholeWords = (text: string): string[] => [...new Set(normalise(text).split(/[^\p{Script=Han}a-z0-9]+/u).filter((w) => [...w].length >= 2))];

/**
 * How much of the query's description the parcel's shows: 60 % the share of the query's tokens
 * found, 40 % the share of its whole words found verbatim (when it has any). Null without a query.
 */
export function compareDescriptions(query: string | null | undefined, described: string): { share: number; matched: string[] } | null {
  if (!query?.trim()) return null;
  const wanted = descriptionTokens(query);
  if (wanted.size === 0) return null;
  const have = descriptionTokens(described);
  const tokenShare = [...wanted].filter((t) => have.has(t)).length / wanted.size;
  const words = wholeWords(query);
  const text = normalise(described);
  const matched = words.filter((w) => text.includes(w));
  const share = words.length > 0 ? 0.6 * tokenShare + 0.4 * (matched.length / words.length) : tokenShare;
  return { share, matched };
}

/** Checks a headless-match policy loaded from data; returns it. Throws INVALID_HEADLESS_MATCH_POLICY. */
export function validateHeadlessMatchPolicy(policy: HeadlessMatchPolicy): HeadlessMatchPolicy {
  const invalid = (why: string) => new ParcelRuleError('INVALID_HEADLESS_MATCH_POLICY', `headless-match policy ${policy?.version}: ${why}`, { version: policy?.version, reason: why });
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  if (!policy?.version?.trim()) throw invalid('no version');
  if (!positive(policy.weightTolerance.ratio) || !positive(policy.weightTolerance.minGrams)) throw invalid('weightTolerance must be > 0');
  if (!(policy.weightExclusionFactor >= 1)) throw invalid('weightExclusionFactor must be ≥ 1');
  if (!positive(policy.sizeTolerance.ratio) || !positive(policy.sizeTolerance.minCm)) throw invalid('sizeTolerance must be > 0');
  if (!(policy.slackHours >= 0) || !positive(policy.windowDays)) throw invalid('slackHours ≥ 0 and windowDays > 0');
  if (Object.values(policy.points).some((p) => !(p >= 0))) throw invalid('points must be ≥ 0');
  if (!Number.isInteger(policy.maxProposals) || policy.maxProposals < 1) throw invalid('maxProposals must be an integer ≥ 1');
  return policy;
}
