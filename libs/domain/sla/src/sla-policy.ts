import { chinaTime } from './china-time';
import { DEFAULT_PEAK_SEASON_POLICY, PeakSeasonPolicy, PeakSeasonWindow, peakSeasonAt } from './peak-season';
import { Versioned } from './policy-version';
import { SlaRuleError } from './sla.errors';

// The ticket desk's vocabulary (工单), defined here because the clocks read it and this library sits
// below the ticket library (domain-ticket re-exports it with labels). Values are API: add, never rename.

/** Kind of ticket (工单类型). */
export const TicketKind = {
  /** Inquiry (咨询): status, time to deliver, price, service area, prohibited items. */
  INQUIRY: 'INQUIRY',
  /** Urge (催件): faster, please; a repeat urge on the same waybill is counted, not a new case. */
  URGE: 'URGE',
  /** Complaint (投诉): delay, damage, loss, conduct, not delivered upstairs, overcharging, premature sign-off. */
  COMPLAINT: 'COMPLAINT',
  /** Problem parcel (问题件/疑难件): registered by an outlet, answered by another. */
  PROBLEM_PARCEL: 'PROBLEM_PARCEL',
  /** Signed but not received (签收未收到): first step is the courier. */
  SIGNED_NOT_RECEIVED: 'SIGNED_NOT_RECEIVED',
} as const;
/** Kind of ticket (工单类型). */
export type TicketKind = (typeof TicketKind)[keyof typeof TicketKind];

/** Where a ticket came from (来源渠道). */
export const TicketChannel = {
  /** Hotline call (电话). */
  PHONE: 'PHONE',
  /** Online chat (在线客服). */
  ONLINE_CHAT: 'ONLINE_CHAT',
  /** The carrier's app or mini-program (APP/小程序). */
  APP: 'APP',
  /** An e-commerce platform's after-sales desk (电商平台工单). */
  ECOMMERCE_PLATFORM: 'ECOMMERCE_PLATFORM',
  /** At an outlet's counter (网点柜台). */
  OUTLET_COUNTER: 'OUTLET_COUNTER',
  /** Postal regulator hotline 12305 (邮政管理局申诉): needs the case number and the regulator's deadline. */
  REGULATOR_12305: 'REGULATOR_12305',
  /** Registered by an outlet: problem parcels (网点登记). */
  OUTLET: 'OUTLET',
  /** Opened by the system from a tracking anomaly (主动预警). */
  PROACTIVE: 'PROACTIVE',
} as const;
/** Where a ticket came from (来源渠道). */
export type TicketChannel = (typeof TicketChannel)[keyof typeof TicketChannel];

/** Priority of a ticket (优先级). */
export const TicketPriority = {
  LOW: 'LOW',
  NORMAL: 'NORMAL',
  HIGH: 'HIGH',
  /** Regulator cases and the like: worked before everything else (紧急). */
  URGENT: 'URGENT',
} as const;
/** Priority of a ticket (优先级). */
export type TicketPriority = (typeof TicketPriority)[keyof typeof TicketPriority];

/** Status of a ticket (工单状态); moves only as TICKET_TRANSITIONS allows. */
export const TicketStatus = {
  /** Opened, nobody working it yet (待处理). */
  OPEN: 'OPEN',
  /** An agent or outlet is working it (处理中). */
  IN_PROGRESS: 'IN_PROGRESS',
  /** Waiting for the customer: an address, a photo, a reply (待客户回复). */
  WAITING_FOR_CUSTOMER: 'WAITING_FOR_CUSTOMER',
  /** Waiting for an outlet's answer or evidence (待网点回复). */
  WAITING_FOR_OUTLET: 'WAITING_FOR_OUTLET',
  /** Beyond the agent's authority: with the manager or HQ (已升级). */
  ESCALATED: 'ESCALATED',
  /** Answered or fixed; the customer may still reopen it within the reopen window (已解决). */
  RESOLVED: 'RESOLVED',
  /** Final (已关闭): after the reopen window, or closed without a fix (duplicate, merged, withdrawn). */
  CLOSED: 'CLOSED',
} as const;
/** Status of a ticket (工单状态). */
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

/** What an SLA target measures (时效指标). */
export const SlaMetric = {
  /** First reply (首次响应): from opening to the first public reply. */
  FIRST_REPLY: 'FIRST_REPLY',
  /** Next reply (再次响应): from a customer's message to the agent's next public reply. */
  NEXT_REPLY: 'NEXT_REPLY',
  /** Resolution (解决时效): from opening to RESOLVED. */
  RESOLUTION: 'RESOLUTION',
} as const;
/** What an SLA target measures (时效指标). */
export type SlaMetric = (typeof SlaMetric)[keyof typeof SlaMetric];

/** All SLA metrics, in the order clocks are reported. */
export const SLA_METRICS: readonly SlaMetric[] = Object.values(SlaMetric);

/** Whether a target counts business time (工作时间, the responsible desk's hours) or calendar time (自然时间). */
export type SlaTimeBasis = 'BUSINESS' | 'CALENDAR';

/** One SLA target (时效目标). */
export interface SlaTarget {
  minutes: number;
  basis: SlaTimeBasis;
  /** Whether a peak season (旺季) stretches it; default true. Statutory and regulator targets do not. */
  stretchesInPeak?: boolean;
  /** The deadline is never later than the regulator's deadline of a 12305 case. */
  capAtRegulatorDeadline?: boolean;
}

/** Which tickets a rule applies to: every listed dimension must contain the ticket's value; an absent one matches all. */
export interface SlaRuleMatch {
  kinds?: readonly TicketKind[];
  reasons?: readonly string[];
  priorities?: readonly TicketPriority[];
  channels?: readonly TicketChannel[];
}

/** One rule of an SLA policy: targets for the tickets it matches. */
export interface SlaRule {
  name: string;
  match: SlaRuleMatch;
  targets: Readonly<Partial<Record<SlaMetric, SlaTarget>>>;
}

/** How an SLA target stretches in a peak window: `minutes × multiplier + extraMinutes`. */
export interface SlaPeakStretch {
  multiplier?: number;
  extraMinutes?: number;
}

/**
 * Versioned SLA policy (时效政策). The peak calendar says when a peak is (peak-season.ts); the SLA
 * policy says how much each peak stretches its targets, by peak name; a peak it does not name
 * stretches nothing.
 */
export interface SlaPolicy extends Versioned {
  rules: readonly SlaRule[];
  peakSeasonStretch: Readonly<Partial<Record<string, SlaPeakStretch>>>;
}

/** The target chosen for one metric, and the rule it came from. */
export interface SelectedTarget {
  metric: SlaMetric;
  rule: string;
  target: SlaTarget;
}

/** The ticket facts that select targets. */
export interface SlaTicketProfile {
  kind: TicketKind;
  reason?: string | null;
  priority: TicketPriority;
  channel: TicketChannel;
}

// Specificity order, highest first. A reason is the narrowest description of a case; a channel
// carries outside obligations (the regulator's, a platform's) that override what the kind asks;
// the kind beats the priority, which only adjusts.
const DIMENSION_WEIGHT = { reasons: 8, channels: 4, kinds: 2, priorities: 1 } as const;
const DIMENSIONS = Object.keys(DIMENSION_WEIGHT) as (keyof typeof DIMENSION_WEIGHT)[];

const constrained = (match: SlaRuleMatch): (keyof SlaRuleMatch)[] => DIMENSIONS.filter((d) => match[d] !== undefined);

function matches(rule: SlaRule, ticket: SlaTicketProfile): boolean {
  const value = { kinds: ticket.kind, reasons: ticket.reason ?? undefined, priorities: ticket.priority, channels: ticket.channel };
  return constrained(rule.match).every((d) => value[d] !== undefined && (rule.match[d] as readonly string[]).includes(value[d]!));
}

/** Specificity of a rule: the number of dimensions it constrains, then the weight of which ones. */
const specificity = (rule: SlaRule): number => {
  const dims = constrained(rule.match);
  return dims.length * 100 + dims.reduce((sum, d) => sum + DIMENSION_WEIGHT[d], 0);
};

/**
 * The target of each metric for a ticket. Per metric, among the matching rules that set it, the
 * most specific wins: more constrained dimensions first; on a tie, the heavier dimensions
 * (reason > channel > kind > priority); on a full tie, the earlier rule. A rule sets only the
 * metrics it names, so a chat rule can set the first reply while the complaint rule sets resolution.
 */
export function slaTargetsFor(policy: SlaPolicy, ticket: SlaTicketProfile): SelectedTarget[] {
  validateSlaPolicy(policy);
  const candidates = policy.rules.filter((rule) => matches(rule, ticket));
  return SLA_METRICS.map((metric) => {
    let best: SlaRule | null = null;
    for (const rule of candidates) {
      if (rule.targets[metric] !== undefined && (best === null || specificity(rule) > specificity(best))) best = rule;
    }
    // validateSlaPolicy guarantees a catch-all rule with every metric.
    return { metric, rule: best!.name, target: best!.targets[metric]! };
  });
}

const invalid = (policy: SlaPolicy, why: string): SlaRuleError =>
  new SlaRuleError('INVALID_SLA_POLICY', `SLA policy ${policy.version}: ${why}`, { version: policy.version });

/**
 * Checks an SLA policy: a version, targets > 0 minutes, stretches that never shorten, and a
 * catch-all rule (no match constraints) setting every metric so every ticket gets every clock.
 * Throws INVALID_SLA_POLICY.
 */
export function validateSlaPolicy(policy: SlaPolicy): SlaPolicy {
  if (!policy.version?.trim()) throw invalid(policy, 'has no version');
  const names = new Set<string>();
  for (const rule of policy.rules) {
    if (!rule.name?.trim() || names.has(rule.name)) throw invalid(policy, `rule name "${rule.name}" is empty or repeated`);
    names.add(rule.name);
    for (const d of constrained(rule.match)) {
      if ((rule.match[d] ?? []).length === 0) throw invalid(policy, `${rule.name}: ${d} is an empty list (omit it to match all)`);
    }
    for (const [metric, target] of Object.entries(rule.targets)) {
      if (!(SLA_METRICS as readonly string[]).includes(metric)) throw invalid(policy, `${rule.name}: unknown metric ${metric}`);
      if (!target || !Number.isFinite(target.minutes) || target.minutes <= 0) throw invalid(policy, `${rule.name}: ${metric} must be > 0 minutes`);
      if (target.basis !== 'BUSINESS' && target.basis !== 'CALENDAR') throw invalid(policy, `${rule.name}: ${metric} basis ${target.basis}`);
    }
  }
  const catchAll = policy.rules.find((rule) => constrained(rule.match).length === 0);
  if (!catchAll || SLA_METRICS.some((metric) => catchAll.targets[metric] === undefined)) {
    throw invalid(policy, 'needs a catch-all rule (empty match) with every metric');
  }
  for (const [name, stretch] of Object.entries(policy.peakSeasonStretch)) {
    const multiplier = stretch?.multiplier ?? 1;
    const extra = stretch?.extraMinutes ?? 0;
    // A peak never shortens a target: it would turn the busiest weeks into a breach factory.
    if (!Number.isFinite(multiplier) || multiplier < 1 || !Number.isFinite(extra) || extra < 0) {
      throw invalid(policy, `peak ${name}: multiplier must be ≥ 1 and extraMinutes ≥ 0`);
    }
  }
  return policy;
}

/** A target after peak-season stretching. */
export interface StretchedTarget {
  minutes: number;
  baseMinutes: number;
  /** Name of the peak window that stretched it (e.g. DOUBLE_ELEVEN), absent when none did. */
  peakSeason?: string;
}

/**
 * The target's minutes when a clock starts at `at`: stretched by the SLA policy's factor for the
 * peak window the peak calendar (版本 in force at `at`) puts there. Whole minutes, rounded.
 */
export function stretchTarget(
  target: SlaTarget,
  at: Date,
  policy: SlaPolicy,
  peakSeasons: PeakSeasonPolicy | readonly PeakSeasonPolicy[] = DEFAULT_PEAK_SEASON_POLICY,
): StretchedTarget {
  const baseMinutes = target.minutes;
  if (target.stretchesInPeak === false) return { minutes: baseMinutes, baseMinutes };
  const window: PeakSeasonWindow | null = peakSeasonAt(at, peakSeasons);
  const stretch = window === null ? undefined : policy.peakSeasonStretch[window.name];
  if (window === null || stretch === undefined) return { minutes: baseMinutes, baseMinutes };
  const minutes = Math.round(baseMinutes * (stretch.multiplier ?? 1) + (stretch.extraMinutes ?? 0));
  return { minutes, baseMinutes, peakSeason: window.name };
}

const HOUR = 60;
const DAY = 24 * HOUR;
const business = (minutes: number): SlaTarget => ({ minutes, basis: 'BUSINESS' });
const calendar = (minutes: number, extra: Partial<SlaTarget> = {}): SlaTarget => ({ minutes, basis: 'CALENDAR', ...extra });

/** SLA policy sla-2026.1 (from 2026-01-01, UTC+8): the network's first published ticket time limits. */
export const SLA_POLICY_2026_1: SlaPolicy = {
  version: 'sla-2026.1',
  effectiveFrom: chinaTime(2026, 1, 1),
  rules: [
    {
      name: 'default',
      match: {},
      targets: { FIRST_REPLY: business(4 * HOUR), NEXT_REPLY: business(4 * HOUR), RESOLUTION: calendar(3 * DAY) },
    },
    // Articles put chat answers at about 30 s; one business minute is the granularity we clock.
    { name: 'online-chat', match: { channels: ['ONLINE_CHAT'] }, targets: { FIRST_REPLY: business(1), NEXT_REPLY: business(3) } },
    { name: 'app', match: { channels: ['APP'] }, targets: { FIRST_REPLY: business(HOUR) } },
    { name: 'phone', match: { channels: ['PHONE'] }, targets: { FIRST_REPLY: business(2 * HOUR) } },
    // Platforms (淘宝、拼多多) time their own work orders and close them after 48 h.
    {
      name: 'ecommerce-platform',
      match: { channels: ['ECOMMERCE_PLATFORM'] },
      targets: { FIRST_REPLY: business(2 * HOUR), RESOLUTION: calendar(2 * DAY) },
    },
    // The regulator's case: call the customer within the hour, answer before the regulator's deadline.
    {
      name: 'regulator-12305',
      match: { channels: ['REGULATOR_12305'] },
      targets: {
        FIRST_REPLY: calendar(HOUR, { stretchesInPeak: false }),
        NEXT_REPLY: calendar(4 * HOUR, { stretchesInPeak: false }),
        RESOLUTION: calendar(3 * DAY, { stretchesInPeak: false, capAtRegulatorDeadline: true }),
      },
    },
    { name: 'urge', match: { kinds: ['URGE'] }, targets: { FIRST_REPLY: business(2 * HOUR), RESOLUTION: calendar(DAY) } },
    { name: 'urge-urgent', match: { kinds: ['URGE'], priorities: ['HIGH', 'URGENT'] }, targets: { FIRST_REPLY: business(HOUR) } },
    // Interim Regulations on Express Delivery art. 28: a complaint is answered within 7 days; law does not stretch.
    {
      name: 'complaint',
      match: { kinds: ['COMPLAINT'] },
      targets: { FIRST_REPLY: business(2 * HOUR), RESOLUTION: calendar(7 * DAY, { stretchesInPeak: false }) },
    },
    // The other outlet answers a problem parcel within 24 h; unreachable recipients go back after 7 days.
    { name: 'problem-parcel', match: { kinds: ['PROBLEM_PARCEL'] }, targets: { FIRST_REPLY: calendar(DAY), RESOLUTION: calendar(7 * DAY) } },
    { name: 'signed-not-received', match: { kinds: ['SIGNED_NOT_RECEIVED'] }, targets: { FIRST_REPLY: business(2 * HOUR), RESOLUTION: calendar(2 * DAY) } },
    { name: 'urgent', match: { priorities: ['URGENT'] }, targets: { FIRST_REPLY: business(30), NEXT_REPLY: business(HOUR) } },
  ],
  peakSeasonStretch: {
    DOUBLE_ELEVEN: { multiplier: 1.5 },
    DOUBLE_TWELVE: { multiplier: 1.25 },
    SPRING_FESTIVAL: { multiplier: 2 },
  },
};

/** SLA policy sla-2026.2 (from 2026-10-01, UTC+8): urges are answered within 1 business hour (30 min when high or urgent). */
export const SLA_POLICY_2026_2: SlaPolicy = {
  ...SLA_POLICY_2026_1,
  version: 'sla-2026.2',
  effectiveFrom: chinaTime(2026, 10, 1),
  rules: SLA_POLICY_2026_1.rules.map((rule) => {
    if (rule.name === 'urge') return { ...rule, targets: { ...rule.targets, FIRST_REPLY: business(HOUR) } };
    if (rule.name === 'urge-urgent') return { ...rule, targets: { ...rule.targets, FIRST_REPLY: business(30) } };
    return rule;
  }).concat([
    // The hour holds whatever channel the urge came by: without this rule the phone's and the
    // platform's own first-reply targets (2 h), more specific by channel, would win over the urge's.
    {
      name: 'urge-any-channel',
      match: { kinds: ['URGE'], channels: ['PHONE', 'APP', 'ECOMMERCE_PLATFORM', 'OUTLET_COUNTER'], priorities: ['LOW', 'NORMAL'] },
      targets: { FIRST_REPLY: business(HOUR) },
    },
  ]),
};

/** The SLA policy versions (时效政策版本) shipped as defaults, oldest first. */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [SLA_POLICY_2026_1, SLA_POLICY_2026_2];
