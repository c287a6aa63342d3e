import { ROLE_READING } from '@courierdesk/domain-network';
import { personalDataViewer } from './personal-data';
import { Role, ROLE_SCOPES, Scope } from './roles';

describe('personalDataViewer', () => {
  it('classifies every role of the graph in the policy, so none falls to NONE by oversight', () => {
    expect(Object.keys(ROLE_READING).sort()).toEqual(Object.values(Role).sort());
  });

  it('reads people in full only with a role whose ceiling includes pii:read', () => {
    for (const role of Object.values(Role)) {
      if (ROLE_READING[role] === 'CASEWORK') expect(ROLE_SCOPES[role]).toContain(Scope.PERSONAL_DATA);
    }
    expect(ROLE_SCOPES[Role.ANALYST]).not.toContain(Scope.PERSONAL_DATA);
  });

  it.each([
    ['partner', [Role.OUTLET_PARTNER], [Scope.PERSONAL_DATA], 'o-1', { personalDataScope: true, outletBound: true, outletId: 'o-1' }],
    ['outlet agent without pii:read', [Role.AGENT], [Scope.NETWORK_READ], 'o-1', { personalDataScope: false, outletBound: true, outletId: 'o-1' }],
    ['HQ agent', [Role.AGENT], [Scope.PERSONAL_DATA], null, { personalDataScope: true, outletBound: false, outletId: null }],
    ['admin with an outlet', [Role.ADMIN], [Scope.PERSONAL_DATA], 'o-1', { personalDataScope: true, outletBound: false, outletId: 'o-1' }],
  ])('%s', (_name, roles, scopes, outletId, expected) => {
    expect(personalDataViewer({ subject: 's', roles, scopes, outletId, tokenId: 't' })).toEqual({ roles, ...expected });
  });
});
