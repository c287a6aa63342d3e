import { chinaTime } from './china-time';
import { policyInForce } from './policy-version';
import {
  DEFAULT_SLA_POLICIES,
  SLA_POLICY_2026_1,
  SLA_POLICY_2026_2,
  SlaPolicy,
  SlaTicketProfile,
  slaTargetsFor,
  stretchTarget,
  validateSlaPolicy,
} from './sla-policy';
import { thrownCode } from '@courierdesk/domain-core/testing';

const ticket = (kind: string, priority: string, channel: string, reason?: string): SlaTicketProfile =>
  ({ kind, priority, channel, reason }) as SlaTicketProfile;
const summary = (policy: SlaPolicy, profile: SlaTicketProfile): string[] =>
  slaTargetsFor(policy, profile).map((t) => `${t.metric} ${t.rule} ${t.target.minutes} ${t.target.basis}`);

describe('slaTargetsFor: the most specific rule per metric', () => {
  it.each([
    [
      'an inquiry by phone: phone first reply, default for the rest',
      ticket('INQUIRY', 'NORMAL', 'PHONE'),
      ['FIRST_REPLY phone 120 BUSINESS', 'NEXT_REPLY default 240 BUSINESS', 'RESOLUTION default 4320 CALENDAR'],
    ],
    [
      'online chat: a minute, then three',
      ticket('INQUIRY', 'NORMAL', 'ONLINE_CHAT'),
      ['FIRST_REPLY online-chat 1 BUSINESS', 'NEXT_REPLY online-chat 3 BUSINESS', 'RESOLUTION default 4320 CALENDAR'],
    ],
    [
      'an urge at the counter: the urge rule',
      ticket('URGE', 'NORMAL', 'OUTLET_COUNTER'),
      ['FIRST_REPLY urge 120 BUSINESS', 'NEXT_REPLY default 240 BUSINESS', 'RESOLUTION urge 1440 CALENDAR'],
    ],
    [
      'an urgent urge: two dimensions beat one',
      ticket('URGE', 'URGENT', 'PHONE'),
      ['FIRST_REPLY urge-urgent 60 BUSINESS', 'NEXT_REPLY urgent 60 BUSINESS', 'RESOLUTION urge 1440 CALENDAR'],
    ],
    [
      'a complaint by phone: the channel beats the kind for the first reply, the kind sets resolution',
      ticket('COMPLAINT', 'NORMAL', 'PHONE'),
      ['FIRST_REPLY phone 120 BUSINESS', 'NEXT_REPLY default 240 BUSINESS', 'RESOLUTION complaint 10080 CALENDAR'],
    ],
    [
      'a 12305 complaint: the regulator channel beats the complaint kind',
      ticket('COMPLAINT', 'NORMAL', 'REGULATOR_12305'),
      ['FIRST_REPLY regulator-12305 60 CALENDAR', 'NEXT_REPLY regulator-12305 240 CALENDAR', 'RESOLUTION regulator-12305 4320 CALENDAR'],
    ],
    [
      'a problem parcel from an outlet: 24 h answer',
      ticket('PROBLEM_PARCEL', 'NORMAL', 'OUTLET'),
      ['FIRST_REPLY problem-parcel 1440 CALENDAR', 'NEXT_REPLY default 240 BUSINESS', 'RESOLUTION problem-parcel 10080 CALENDAR'],
    ],
    [
      'an urgent inquiry in the app: channel beats priority',
      ticket('INQUIRY', 'URGENT', 'APP'),
      ['FIRST_REPLY app 60 BUSINESS', 'NEXT_REPLY urgent 60 BUSINESS', 'RESOLUTION default 4320 CALENDAR'],
    ],
  ])('%s', (_label, profile, expected) => expect(summary(SLA_POLICY_2026_1, profile)).toEqual(expected));

  const custom = (rules: SlaPolicy['rules']): SlaPolicy => ({ ...SLA_POLICY_2026_1, version: 'custom', rules: [...SLA_POLICY_2026_1.rules, ...rules] });

  it('a reason is the most specific dimension', () => {
    const policy = custom([
      { name: 'upstairs', match: { reasons: ['NOT_DELIVERED_UPSTAIRS'] }, targets: { RESOLUTION: { minutes: 2880, basis: 'CALENDAR' } } },
    ]);
    expect(summary(policy, ticket('COMPLAINT', 'NORMAL', 'PHONE', 'NOT_DELIVERED_UPSTAIRS'))[2]).toBe('RESOLUTION upstairs 2880 CALENDAR');
    expect(summary(policy, ticket('COMPLAINT', 'NORMAL', 'PHONE', 'OVERCHARGING'))[2]).toBe('RESOLUTION complaint 10080 CALENDAR');
    expect(summary(policy, ticket('COMPLAINT', 'NORMAL', 'PHONE'))[2]).toBe('RESOLUTION complaint 10080 CALENDAR');
  });

  it('on a full tie the earlier rule wins', () => {
    const policy = custom([
      { name: 'first', match: { kinds: ['INQUIRY'] }, targets: { FIRST_REPLY: { minutes: 11, basis: 'BUSINESS' } } },
      { name: 'second', match: { kinds: ['INQUIRY'] }, targets: { FIRST_REPLY: { minutes: 22, basis: 'BUSINESS' } } },
    ]);
    expect(summary(policy, ticket('INQUIRY', 'NORMAL', 'OUTLET'))[0]).toBe('FIRST_REPLY first 11 BUSINESS');
  });
});

describe('DEFAULT_SLA_POLICIES', () => {
  it('are valid versions, oldest first', () => {
    DEFAULT_SLA_POLICIES.forEach(validateSlaPolicy);
    expect(DEFAULT_SLA_POLICIES.map((p) => p.version)).toEqual(['sla-2026.1', 'sla-2026.2']);
  });

  it.each([
    [chinaTime(2026, 9, 30, 23, 59), 'sla-2026.1'],
    [chinaTime(2026, 10, 1), 'sla-2026.2'],
  ])('at %s the version is %s', (at, version) => expect(policyInForce(DEFAULT_SLA_POLICIES, at).version).toBe(version));

  it('sla-2026.2 changes only the urge first reply', () => {
    const changed = SLA_POLICY_2026_2.rules.filter((rule, i) => JSON.stringify(rule) !== JSON.stringify(SLA_POLICY_2026_1.rules[i]));
    expect(changed.map((r) => [r.name, r.targets.FIRST_REPLY?.minutes])).toEqual([
      ['urge', 60],
      ['urge-urgent', 30],
      ['urge-any-channel', 60],
    ]);
  });

  // Channel rules are more specific than kind rules: the urge's hour must still win by phone.
  it.each([
    ['PHONE', 'NORMAL', 60],
    ['ECOMMERCE_PLATFORM', 'LOW', 60],
    ['APP', 'NORMAL', 60],
    ['PHONE', 'URGENT', 30],
    ['PHONE', 'HIGH', 30],
    ['ONLINE_CHAT', 'NORMAL', 1],
  ] as const)('under sla-2026.2 an urge by %s at %s gets its first reply within %i business minutes', (channel, priority, minutes) => {
    const first = slaTargetsFor(SLA_POLICY_2026_2, { kind: 'URGE', priority, channel }).find((t) => t.metric === 'FIRST_REPLY');
    expect(first?.target.minutes).toBe(minutes);
  });
});

describe('validateSlaPolicy', () => {
  const base = SLA_POLICY_2026_1;
  const [catchAll, ...others] = base.rules;
  it.each([
    ['no version', { version: '' }],
    ['no catch-all rule', { rules: others }],
    ['a catch-all missing a metric', { rules: [{ ...catchAll, targets: { FIRST_REPLY: catchAll.targets.FIRST_REPLY } }, ...others] }],
    ['a zero target', { rules: [...base.rules, { name: 'zero', match: { kinds: ['URGE'] }, targets: { FIRST_REPLY: { minutes: 0, basis: 'BUSINESS' } } }] }],
    ['an unknown basis', { rules: [...base.rules, { name: 'odd', match: {}, targets: { FIRST_REPLY: { minutes: 5, basis: 'LUNAR' } } }] }],
    ['an empty match list', { rules: [...base.rules, { name: 'empty', match: { kinds: [] }, targets: {} }] }],
    ['a repeated rule name', { rules: [...base.rules, { ...others[0] }] }],
    ['a shrinking peak', { peakSeasonStretch: { DOUBLE_ELEVEN: { multiplier: 0.5 } } }],
    ['a negative peak extra', { peakSeasonStretch: { DOUBLE_ELEVEN: { extraMinutes: -10 } } }],
  ])('rejects %s', (_label, change) => expect(thrownCode(() => validateSlaPolicy({ ...base, ...change } as SlaPolicy))).toBe('INVALID_SLA_POLICY'));
});

describe('stretchTarget: the peak calendar says when, the SLA policy says how much', () => {
  const target = { minutes: 120, basis: 'CALENDAR' as const };
  it.each([
    ['March', chinaTime(2026, 3, 10), target, 120, undefined],
    ['双十一', chinaTime(2026, 11, 11, 10), target, 180, 'DOUBLE_ELEVEN'],
    ['last minute of 双十一', chinaTime(2026, 11, 20, 23, 59), target, 180, 'DOUBLE_ELEVEN'],
    ['day after 双十一', chinaTime(2026, 11, 21), target, 120, undefined],
    ['双十二', chinaTime(2026, 12, 10), target, 150, 'DOUBLE_TWELVE'],
    ['春节 2026', chinaTime(2026, 2, 17), target, 240, 'SPRING_FESTIVAL'],
    ['a statutory target never stretches', chinaTime(2026, 11, 11), { ...target, stretchesInPeak: false }, 120, undefined],
  ])('%s: %j → %d min', (_label, at, t, minutes, peakSeason) =>
    expect(stretchTarget(t, at, SLA_POLICY_2026_1)).toEqual({ minutes, baseMinutes: 120, ...(peakSeason ? { peakSeason } : {}) }),
  );

  it('a peak the SLA policy does not name stretches nothing', () =>
    expect(stretchTarget(target, chinaTime(2026, 11, 11), { ...SLA_POLICY_2026_1, peakSeasonStretch: { SPRING_FESTIVAL: { multiplier: 2 } } })).toEqual({
      minutes: 120,
      baseMinutes: 120,
    }));

  it('adds extra minutes and rounds to whole minutes', () =>
    expect(
      stretchTarget({ minutes: 7, basis: 'BUSINESS' }, chinaTime(2026, 11, 11), {
        ...SLA_POLICY_2026_1,
        peakSeasonStretch: { DOUBLE_ELEVEN: { multiplier: 1.5, extraMinutes: 30 } },
      }).minutes,
    ).toBe(41));
});
