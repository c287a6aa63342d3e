import { ContactRole } from '@courierdesk/domain-network';
import { SlaClock } from './sla-clock';
import { TicketChannel } from './sla-policy';
import { SlaRuleError } from './sla.errors';

/** Level a ticket is escalated to (升级层级): the desks of the network's contact roles that own tickets. */
export type EscalationLevel = Extract<ContactRole, 'ARRIVAL_CS' | 'OUTLET_MANAGER' | 'TRANSIT_CENTRE_CS' | 'HQ_CS'>;

/** The default escalation chain (升级链), lowest first: arrival CS → outlet manager → transit centre CS → HQ CS. */
export const ESCALATION_LEVELS: readonly EscalationLevel[] = ['ARRIVAL_CS', 'OUTLET_MANAGER', 'TRANSIT_CENTRE_CS', 'HQ_CS'];

function indexIn(level: EscalationLevel, chain: readonly EscalationLevel[]): number {
  const index = chain.indexOf(level);
  if (index < 0) {
    throw new SlaRuleError('UNKNOWN_ESCALATION_LEVEL', `${level} is not in the escalation chain ${chain.join(' → ')}`, { level });
  }
  return index;
}

/** The level after `current` in `chain`, or null at the top. Throws UNKNOWN_ESCALATION_LEVEL. */
export function nextEscalationLevel(current: EscalationLevel, chain: readonly EscalationLevel[] = ESCALATION_LEVELS): EscalationLevel | null {
  return chain[indexIn(current, chain) + 1] ?? null;
}

/**
 * Where a new ticket starts: the bottom of the chain, except a 12305 case, which starts at the top
 * (HQ_CS or the chain's last level) — the regulator is already involved and an outlet cannot answer it.
 */
export function initialLevel(ticket: { channel: TicketChannel }, chain: readonly EscalationLevel[] = ESCALATION_LEVELS): EscalationLevel {
  if (chain.length === 0) throw new SlaRuleError('UNKNOWN_ESCALATION_LEVEL', 'the escalation chain is empty', {});
  return ticket.channel === 'REGULATOR_12305' ? chain[chain.length - 1] : chain[0];
}

/** The idempotency key of a breach: one metric's clock breached at one deadline (`FIRST_REPLY:2026-03-02T02:00:00.000Z`). */
export function breachKey(clock: Pick<SlaClock, 'metric' | 'deadline'>): string {
  if (!clock.deadline) throw new SlaRuleError('INVALID_SLA_TIMELINE', `${clock.metric} has no deadline to key a breach by`, { metric: clock.metric });
  return `${clock.metric}:${clock.deadline.toISOString()}`;
}

/** One automatic escalation step caused by a breach; `to` is null when the ticket is already at the top. */
export interface EscalationStep {
  key: string;
  metric: SlaClock['metric'];
  breachedAt: Date;
  from: EscalationLevel;
  to: EscalationLevel | null;
}

/** The automatic escalations due now, and the level the ticket ends at. */
export interface EscalationsDue {
  steps: EscalationStep[];
  level: EscalationLevel;
}

/**
 * Automatic escalations due because clocks breached (超时自动升级): one step up the chain per new
 * breach, oldest breach first. A breach whose key is in `alreadyEscalated` (keys the ticket stored
 * when it escalated) is never escalated twice. Only breaches still open count: a clock met late needs
 * nobody chased any more. At the top, a step has `to: null` so the caller records the key and alerts.
 */
export function escalationsDue(input: {
  clocks: readonly SlaClock[];
  currentLevel: EscalationLevel;
  alreadyEscalated: readonly string[];
  chain?: readonly EscalationLevel[];
}): EscalationsDue {
  const chain = input.chain ?? ESCALATION_LEVELS;
  indexIn(input.currentLevel, chain);
  const done = new Set(input.alreadyEscalated);
  const breaches = input.clocks
    .filter((clock) => clock.state === 'BREACHED' && !clock.metAt && clock.breachedAt)
    .sort((a, b) => a.breachedAt!.getTime() - b.breachedAt!.getTime());
  const steps: EscalationStep[] = [];
  let level = input.currentLevel;
  for (const clock of breaches) {
    const key = breachKey(clock);
    if (done.has(key)) continue;
    done.add(key);
    const to = nextEscalationLevel(level, chain);
    steps.push({ key, metric: clock.metric, breachedAt: clock.breachedAt!, from: level, to });
    if (to !== null) level = to;
  }
  return { steps, level };
}
