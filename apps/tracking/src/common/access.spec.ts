import { Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { canSeeWaybill, maskAddress, maskName, visibleAddress, visibleName, visiblePhone, type WaybillOutlets } from './access';

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

describe('masking (脱敏)', () => {
  it.each([
    ['科技园路12号3栋501室', '科技园路****'],
    ['粤海街道科技南一路８号', '粤海街道科技南一路****'],
    ['阳光花园三栋二单元', '阳光花园****'],
    ['翠苑小区东门', '翠苑小****'],
    ['12号', '****'],
    ['', ''],
  ])('address %s → %s', (address, masked) => expect(maskAddress(address)).toBe(masked));

  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('shows personal data whole only with pii:read', () => {
    expect([visiblePhone(agent, '13812341234'), visibleAddress(agent, '科技园路12号'), visibleName(agent, '张三')]).toEqual(['13812341234', '科技园路12号', '张三']);
    expect([visiblePhone(analyst, '13812341234'), visibleAddress(analyst, '科技园路12号'), visibleName(analyst, '张三')]).toEqual(['138****1234', '科技园路****', '张*']);
    expect(visibleName(analyst, null)).toBeNull();
  });
});
