import { assertOutletAccess, Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { assertHeadquarters, visiblePhone, type PhoneOwner } from './access';

const who = (roles: Role[], scopes: Scope[], outletId: string | null = null): Identity => ({ subject: 's', roles, scopes, outletId, tokenId: 't' });
const agent = who([Role.AGENT], [Scope.NETWORK_READ, Scope.PERSONAL_DATA]);
const analyst = who([Role.ANALYST], [Scope.NETWORK_READ]);
const partner = who([Role.OUTLET_PARTNER], [Scope.NETWORK_READ, Scope.PERSONAL_DATA], 'o-1');
const partnerNoPii = who([Role.OUTLET_PARTNER], [Scope.NETWORK_READ], 'o-1');
const own: PhoneOwner = { outletId: 'o-1' };
const other: PhoneOwner = { outletId: 'o-2' };
const desk: PhoneOwner = { networkDesk: true };

describe('visiblePhone (脱敏)', () => {
  it.each<[string, Identity, string | null, PhoneOwner, string | null]>([
    ['agent with pii:read, any outlet', agent, '13812341234', other, '13812341234'],
    ['analyst without pii:read', analyst, '13812341234', other, '138****1234'],
    ['partner, own outlet', partner, '13812341234', own, '13812341234'],
    ['partner, other outlet', partner, '13812341234', other, '138****1234'],
    ['partner without pii:read, own outlet', partnerNoPii, '13812341234', own, '138****1234'],
    ['partner, hub or HQ desk', partner, '0755-29990000', desk, '0755-29990000'],
    ['analyst, hub or HQ desk', analyst, '0755-29990000', desk, '0755-******00'],
    ['no number', agent, null, own, null],
    ['empty number', agent, '', own, null],
  ])('%s', (_name, identity, phone, owner, expected) => expect(visiblePhone(identity, phone, owner)).toBe(expected));
});

describe('write access', () => {
  it('confines a manager to its outlet and keeps outlet creation for HQ', () => {
    expect(() => assertOutletAccess(partner, 'o-1')).not.toThrow();
    expect(() => assertOutletAccess(partner, 'o-2')).toThrow(expect.objectContaining({ kind: 'FORBIDDEN', code: 'OUTLET_MISMATCH' }));
    expect(() => assertHeadquarters(partner, 'open outlets')).toThrow(expect.objectContaining({ kind: 'FORBIDDEN', code: 'HQ_ONLY' }));
    expect(() => assertHeadquarters(who([Role.ADMIN], [Scope.NETWORK_WRITE], 'o-1'), 'open outlets')).not.toThrow();
  });
});
