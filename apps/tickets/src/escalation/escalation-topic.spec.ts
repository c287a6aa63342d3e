import { currentEscalationLevel, escalationLevelsOf, escalationTopicOf, type TopicTicket } from './escalation-topic';

const OUTLET = '11111111-1111-4111-8111-111111111111';
const HUB = '22222222-2222-4222-8222-222222222222';
const ticket = (over: Partial<TopicTicket>): TopicTicket => ({
  kind: 'URGE',
  reason: 'URGE_DELIVERY',
  anomalyCode: null,
  responsibleOutletId: OUTLET,
  responsibleTransitCentreId: null,
  ...over,
});

describe('escalationTopicOf', () => {
  it.each([
    ['a complaint', ticket({ kind: 'COMPLAINT', reason: 'DELAY' }), 'COMPLAINT'],
    ['signed but not received', ticket({ kind: 'SIGNED_NOT_RECEIVED', reason: 'CAUSE_UNKNOWN' }), 'SIGNED_NOT_RECEIVED'],
    ['the proactive stalled-at-hub urge', ticket({ reason: 'NO_SCAN_UPDATE', anomalyCode: 'STALLED_AT_HUB', responsibleOutletId: null, responsibleTransitCentreId: HUB }), 'TRANSIT_STALL'],
    ['a stall at a hub with the origin outlet responsible (unknown hub)', ticket({ reason: 'NO_SCAN_UPDATE', anomalyCode: 'STALLED_AT_HUB' }), 'TRANSIT_STALL'],
    ['any ticket only a transit centre answers for', ticket({ reason: 'NO_SCAN_UPDATE', responsibleOutletId: null, responsibleTransitCentreId: HUB }), 'TRANSIT_STALL'],
    ['a stall at an outlet', ticket({ reason: 'NO_SCAN_UPDATE', anomalyCode: 'STALLED_AT_OUTLET' }), 'DELIVERY'],
    ['a pickup urge', ticket({ reason: 'URGE_PICKUP' }), 'PICKUP'],
    ['no pickup scan', ticket({ reason: 'NO_PICKUP_SCAN' }), 'PICKUP'],
    ['a delivery urge', ticket({}), 'DELIVERY'],
    ['a problem parcel', ticket({ kind: 'PROBLEM_PARCEL', reason: 'ADDRESS_UNCLEAR' }), 'DELIVERY'],
    ['an inquiry', ticket({ kind: 'INQUIRY', reason: 'PRICE_QUERY' }), 'DELIVERY'],
  ])('%s → %s', (_what, t, topic) => {
    expect(escalationTopicOf(t)).toBe(topic);
  });
});

describe('currentEscalationLevel', () => {
  it.each([
    ['a new delivery ticket starts at the bottom', null, 'PHONE', 'DELIVERY', 'ARRIVAL_CS'],
    ['a new signed-not-received ticket starts with the courier', null, 'PHONE', 'SIGNED_NOT_RECEIVED', 'COURIER'],
    ['a 12305 case starts at the top', null, 'REGULATOR_12305', 'COMPLAINT', 'HQ_CS'],
    ['a stored level is kept', 'OUTLET_MANAGER', 'PHONE', 'DELIVERY', 'OUTLET_MANAGER'],
  ] as const)('%s', (_what, escalationLevel, channel, topic, level) => {
    expect(currentEscalationLevel({ escalationLevel, channel }, escalationLevelsOf(topic))).toBe(level);
  });
});
