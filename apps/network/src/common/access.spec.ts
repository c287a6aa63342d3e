import { assertOutletAccess, Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { assertHeadquarters, ofDesk, ofOutlet } from './access';

const who = (roles: Role[], scopes: Scope[], outletId: string | null = null): Identity => ({ subject: 's', roles, scopes, outletId, tokenId: 't' });
const partner = who([Role.OUTLET_PARTNER], [Scope.NETWORK_READ, Scope.PERSONAL_DATA], 'o-1');

describe('record owners', () => {
  it('makes an outlet’s desk its outlet’s and a hub or HQ desk the network’s', () => {
    expect(ofDesk('o-1')).toEqual(ofOutlet('o-1'));
    expect(ofOutlet('o-1')).toEqual({ outletIds: ['o-1'] });
    expect(ofDesk(null)).toBe('NETWORK');
  });
});

describe('write access', () => {
  it('confines a manager to its outlet and keeps outlet creation for HQ', () => {
    expect(() => assertOutletAccess(partner, 'o-1')).not.toThrow();
    expect(() => assertOutletAccess(partner, 'o-2')).toThrow(expect.objectContaining({ kind: 'FORBIDDEN', code: 'OUTLET_MISMATCH' }));
    expect(() => assertHeadquarters(partner, 'open outlets')).toThrow(expect.objectContaining({ kind: 'FORBIDDEN', code: 'HQ_ONLY' }));
    expect(() => assertHeadquarters(who([Role.ADMIN], [Scope.NETWORK_WRITE], 'o-1'), 'open outlets')).not.toThrow();
  });
});
