import { Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { canSeeWaybill, customersOf, type WaybillOutlets } from './access';

const who = (roles: Role[], scopes: Scope[], outletId: string | null = null): Identity => ({ subject: 's', roles, scopes, outletId, tokenId: 't' });
const agent = who([Role.AGENT], [Scope.TRACKING_READ, Scope.PERSONAL_DATA]);
const analyst = who([Role.ANALYST], [Scope.TRACKING_READ]);
const partner = who([Role.OUTLET_PARTNER], [Scope.TRACKING_READ, Scope.PERSONAL_DATA], 'o-1');

describe('row rule (始发、派件、当前网点)', () => {
  const waybill = (over: Partial<WaybillOutlets>): WaybillOutlets => ({ originOutletId: 'o-2', destinationOutletId: 'o-3', currentPlaceId: null, ...over });
  it.each<[string, Identity, Partial<WaybillOutlets>, boolean]>([
    ['agent, any waybill', agent, {}, true],
    ['analyst, any waybill', analyst, {}, true],
    ['partner, another outlet’s', partner, { currentPlaceId: 'hub-1' }, false],
    ['partner, originated', partner, { originOutletId: 'o-1' }, true],
    ['partner, delivers', partner, { destinationOutletId: 'o-1' }, true],
    ['partner, holds now', partner, { currentPlaceId: 'o-1' }, true],
  ])('%s', (_name, identity, over, expected) => expect(canSeeWaybill(identity, waybill(over))).toBe(expected));

  it('refuses a partner token without an outlet', () => {
    expect(() => canSeeWaybill(who([Role.OUTLET_PARTNER], [Scope.TRACKING_READ]), waybill({}))).toThrow(expect.objectContaining({ code: 'OUTLET_REQUIRED' }));
  });
});

describe('customers (寄件人、收件人、签收人)', () => {
  it('belong to the origin and destination outlets, not to an outlet that only holds the parcel', () => {
    const heldElsewhere: WaybillOutlets = { originOutletId: 'o-1', destinationOutletId: 'o-2', currentPlaceId: 'o-3' };
    expect(customersOf(heldElsewhere)).toEqual({ outletIds: ['o-1', 'o-2'] });
  });
});
