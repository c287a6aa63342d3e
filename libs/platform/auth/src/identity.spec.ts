import { assertOutletAccess, canSeeOutlet, hasScopes, outletRestriction, requireScopes, type Identity } from './identity';
import { Role, Scope, effectiveScopes } from './roles';

const id = (roles: Role[], outletId: string | null, scopes: Scope[] = []): Identity => ({ subject: 's', roles, scopes, outletId, tokenId: 't' });

describe('outlet restriction', () => {
  it.each<[string, Identity, string | null | undefined, boolean]>([
    ['HQ agent sees any outlet', id([Role.AGENT], null), 'o-2', true],
    ['admin sees any outlet even with an outlet claim', id([Role.ADMIN], 'o-1'), 'o-2', true],
    ['partner sees its own outlet', id([Role.OUTLET_PARTNER], 'o-1'), 'o-1', true],
    ['partner never sees another outlet', id([Role.OUTLET_PARTNER], 'o-1'), 'o-2', false],
    ['partner never sees outlet-less rows', id([Role.OUTLET_PARTNER], 'o-1'), null, false],
    ['outlet agent is confined to its outlet', id([Role.AGENT], 'o-1'), 'o-2', false],
    ['partner + agent roles stays confined', id([Role.AGENT, Role.OUTLET_PARTNER], 'o-1'), 'o-2', false],
  ])('%s', (_name, identity, outletId, expected) => {
    expect(canSeeOutlet(identity, outletId)).toBe(expected);
    if (expected) expect(() => assertOutletAccess(identity, outletId)).not.toThrow();
    else expect(() => assertOutletAccess(identity, outletId)).toThrow(expect.objectContaining({ kind: 'FORBIDDEN', code: 'OUTLET_MISMATCH' }));
  });

  it('fails closed for a partner token without an outlet', () => {
    expect(() => outletRestriction(id([Role.OUTLET_PARTNER], null))).toThrow(expect.objectContaining({ code: 'OUTLET_REQUIRED' }));
    expect(canSeeOutlet.bind(null, id([Role.OUTLET_PARTNER], null), 'o-1')).toThrow();
  });
});

describe('scopes', () => {
  it.each<[Role[], string | undefined, Scope[]]>([
    [[Role.ANALYST], undefined, [Scope.CLAIMS_READ, Scope.INTROSPECT, Scope.NETWORK_READ, Scope.TICKETS_READ, Scope.TRACKING_READ]],
    [[Role.ANALYST], 'pii:read network:read', [Scope.NETWORK_READ]],
    [[Role.OUTLET_PARTNER], 'network:read network:write', [Scope.NETWORK_READ, Scope.NETWORK_WRITE]],
    [[Role.SCANNER], '', []],
    // Network-wide ingest is asked for, never a default; only scanners (and admins) may hold it.
    [[Role.SCANNER], undefined, [Scope.TRACKING_INGEST]],
    [[Role.SCANNER], 'tracking:ingest tracking:ingest:any', [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY]],
    [[Role.OUTLET_PARTNER, Role.SCANNER], undefined, [Scope.NETWORK_READ, Scope.PERSONAL_DATA, Scope.TICKETS_READ, Scope.TICKETS_WRITE, Scope.CLAIMS_READ, Scope.TRACKING_INGEST, Scope.TRACKING_READ].sort() as Scope[]],
    [[Role.AGENT], 'tracking:ingest tracking:ingest:any', []],
    [[Role.OUTLET_PARTNER], 'tracking:ingest:any', []],
    [[], 'network:read', []],
    // The anomaly feed is for services (and admins): a scanner, partner, agent or analyst never reads it.
    [[Role.SERVICE], undefined, [Scope.CLAIMS_READ, Scope.NETWORK_READ, Scope.TICKETS_READ, Scope.TRACKING_EVENTS, Scope.TRACKING_READ]],
    [[Role.SERVICE], 'tracking:events pii:read tickets:write tracking:ingest graph:introspect', [Scope.PERSONAL_DATA, Scope.TRACKING_EVENTS]],
    [[Role.SCANNER], 'tracking:events tracking:ingest', [Scope.TRACKING_INGEST]],
    [[Role.OUTLET_PARTNER], 'tracking:events tracking:read', [Scope.TRACKING_READ]],
    [[Role.AGENT], 'tracking:events', []],
    [[Role.ANALYST], 'tracking:events', []],
    [[Role.ADMIN], 'tracking:events', [Scope.TRACKING_EVENTS]],
    // Deciding claims moves money: an agent asks for it; partners, analysts and services never hold it.
    [[Role.AGENT], 'claims:read claims:decide', [Scope.CLAIMS_DECIDE, Scope.CLAIMS_READ]],
    [[Role.OUTLET_PARTNER], 'claims:read claims:decide', [Scope.CLAIMS_READ]],
    [[Role.ANALYST], 'claims:decide', []],
    [[Role.SERVICE], 'claims:decide', []],
  ])('roles %p asking %p get %p', (roles, requested, expected) => expect(effectiveScopes(roles, requested)).toEqual(expected));

  it.each(Object.values(Role).filter((role) => role !== Role.SERVICE && role !== Role.ADMIN))('%s can never hold tracking:events, asked for or not', (role) => {
    expect(effectiveScopes([role], 'tracking:events')).not.toContain(Scope.TRACKING_EVENTS);
    expect(effectiveScopes([role], undefined)).not.toContain(Scope.TRACKING_EVENTS);
  });

  it('an agent’s token without a scope list does not decide claims', () => {
    expect(effectiveScopes([Role.AGENT], undefined)).not.toContain(Scope.CLAIMS_DECIDE);
    expect(effectiveScopes([Role.AGENT], undefined)).toContain(Scope.CLAIMS_WRITE);
  });

  it('requires every listed scope', () => {
    const analyst = id([Role.ANALYST], null, [Scope.NETWORK_READ]);
    expect(hasScopes(analyst, [Scope.NETWORK_READ])).toBe(true);
    expect(hasScopes(analyst, [Scope.NETWORK_READ, Scope.NETWORK_WRITE])).toBe(false);
    expect(() => requireScopes(analyst, [Scope.NETWORK_WRITE])).toThrow(expect.objectContaining({ kind: 'FORBIDDEN', code: 'SCOPE_MISSING' }));
  });
});
