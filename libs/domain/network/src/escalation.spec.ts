import {
  CONTACT_ROLES,
  Contact,
  ContactRole,
  ESCALATION_ORDER,
  ESCALATION_TOPICS,
  EscalationTopic,
  escalationChain,
} from './escalation';
import { thrownCode } from '@courierdesk/domain-core/testing';

const contact = (role: ContactRole, name: string = role): Contact => ({ role, name, phone: '13800000000' });
const everyone = CONTACT_ROLES.map((role) => contact(role));
const rolesOf = (contacts: Contact[]) => contacts.map((c) => c.role);

describe('escalationChain', () => {
  it.each([
    ['DELIVERY', ['ARRIVAL_CS', 'OUTLET_MANAGER', 'TRANSIT_CENTRE_CS', 'HQ_CS']],
    ['SIGNED_NOT_RECEIVED', ['COURIER', 'ARRIVAL_CS', 'OUTLET_MANAGER', 'HQ_CS']],
    ['PICKUP', ['DEPARTURE_CS', 'COURIER', 'OUTLET_MANAGER', 'HQ_CS']],
    ['TRANSIT_STALL', ['TRANSIT_CENTRE_CS', 'DEPARTURE_CS', 'HQ_CS']],
    ['COMPLAINT', ['ARRIVAL_CS', 'OUTLET_MANAGER', 'HQ_CS']],
    ['CLAIM', ['DEPARTURE_CS', 'OUTLET_MANAGER', 'HQ_CS']],
  ] as Array<[EscalationTopic, ContactRole[]]>)('%s with every role → %j', (topic, order) => {
    const result = escalationChain(topic, everyone);
    expect(rolesOf(result.chain)).toEqual(order);
    expect(result.missingRoles).toEqual([]);
    expect(result.topic).toBe(topic);
  });

  it.each([
    ['DELIVERY', ['OUTLET_MANAGER', 'HQ_CS'], ['OUTLET_MANAGER', 'HQ_CS'], ['ARRIVAL_CS', 'TRANSIT_CENTRE_CS']],
    ['TRANSIT_STALL', ['COURIER', 'ARRIVAL_CS'], [], ['TRANSIT_CENTRE_CS', 'DEPARTURE_CS', 'HQ_CS']],
    ['CLAIM', ['HQ_CS', 'DEPARTURE_CS'], ['DEPARTURE_CS', 'HQ_CS'], ['OUTLET_MANAGER']],
    ['COMPLAINT', [], [], ['ARRIVAL_CS', 'OUTLET_MANAGER', 'HQ_CS']],
  ] as Array<[EscalationTopic, ContactRole[], ContactRole[], ContactRole[]]>)(
    '%s with %j → chain %j, missing %j',
    (topic, given, chain, missing) => {
      const result = escalationChain(topic, given.map((role) => contact(role)));
      expect(rolesOf(result.chain)).toEqual(chain);
      expect(result.missingRoles).toEqual(missing);
    },
  );

  it('keeps several contacts of one role in the order given, and the caller’s own contact shape', () => {
    const contacts = [
      { ...contact('ARRIVAL_CS', '早班到件客服'), shift: 'early' },
      { ...contact('HQ_CS', '总部客服'), shift: 'all' },
      { ...contact('ARRIVAL_CS', '晚班到件客服'), shift: 'late' },
    ];
    const { chain } = escalationChain('COMPLAINT', contacts);
    expect(chain.map((c) => c.shift)).toEqual(['early', 'late', 'all']);
  });

  it('ends every topic at HQ and names each role at most once', () => {
    for (const topic of ESCALATION_TOPICS) {
      const order = ESCALATION_ORDER[topic];
      expect(order[order.length - 1]).toBe('HQ_CS');
      expect(new Set(order).size).toBe(order.length);
    }
  });

  it('rejects an unknown topic', () =>
    expect(thrownCode(() => escalationChain('LOST' as EscalationTopic, everyone))).toBe('UNKNOWN_ESCALATION_TOPIC'));
});
