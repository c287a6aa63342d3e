import {
  audienceOf,
  decidePersonalData,
  disclose,
  NO_OUTLET,
  PERSONAL_DATA_POLICY,
  type Audience,
  type Disclosure,
  type PersonSubject,
  type RecordOwner,
  type Viewer,
} from './personal-data';

const viewer = (roles: string[], personalDataScope: boolean, outletId: string | null = null): Viewer => ({
  roles,
  personalDataScope,
  outletBound: roles.includes('outlet_partner') || (outletId !== null && !roles.includes('admin')),
  outletId,
});
const hqAgent = viewer(['agent'], true);
const agentWithoutScope = viewer(['agent'], false);
const outletAgent = viewer(['agent'], true, 'o-1');
const partner = viewer(['outlet_partner'], true, 'o-1');
const partnerWithoutScope = viewer(['outlet_partner'], false, 'o-1');
const partnerWithoutOutlet = viewer(['outlet_partner'], true);
const analyst = viewer(['analyst'], false);
const analystWithScope = viewer(['analyst'], true);
const admin = viewer(['admin'], true);
const adminOfOutlet = viewer(['admin'], true, 'o-1');
const scanner = viewer(['scanner'], true);
const unknownRole = viewer(['auditor'], true);
const service = viewer(['service'], true);
const serviceWithoutScope = viewer(['service'], false);
const agentAndAnalyst = viewer(['analyst', 'agent'], true);

const own: RecordOwner = { outletIds: ['o-1'] };
const waybillOfBoth: RecordOwner = { outletIds: ['o-2', 'o-1'] };
const other: RecordOwner = { outletIds: ['o-2', 'o-3'] };

describe('audienceOf', () => {
  it.each<[string, Viewer, RecordOwner, Audience]>([
    ['HQ agent, any record', hqAgent, other, 'HEADQUARTERS'],
    ['admin, any record', admin, other, 'HEADQUARTERS'],
    ['admin with an outlet is still HQ', adminOfOutlet, other, 'HEADQUARTERS'],
    ['agent without pii:read', agentWithoutScope, own, 'WITHOUT_SCOPE'],
    ['outlet agent, own outlet', outletAgent, own, 'OWN_OUTLET'],
    ['outlet agent, other outlet', outletAgent, other, 'OTHER_OUTLET'],
    ['partner, own outlet', partner, own, 'OWN_OUTLET'],
    ['partner, a waybill its outlet delivers', partner, waybillOfBoth, 'OWN_OUTLET'],
    ['partner, other outlet', partner, other, 'OTHER_OUTLET'],
    ['partner, unknown owner', partner, NO_OUTLET, 'OTHER_OUTLET'],
    ['partner, a hub or HQ desk', partner, 'NETWORK', 'PUBLISHED_DESK'],
    ['partner without pii:read, own outlet', partnerWithoutScope, own, 'WITHOUT_SCOPE'],
    ['partner token without an outlet', partnerWithoutOutlet, own, 'OTHER_OUTLET'],
    ['analyst', analyst, own, 'STATISTICS'],
    ['analyst even if a token carried pii:read', analystWithScope, 'NETWORK', 'STATISTICS'],
    ['agent who is also an analyst: the wider role', agentAndAnalyst, other, 'HEADQUARTERS'],
    ['scanner', scanner, own, 'NONE'],
    ['service that asked for pii:read', service, other, 'HEADQUARTERS'],
    ['service by default (no pii:read)', serviceWithoutScope, own, 'WITHOUT_SCOPE'],
    ['a role nobody classified', unknownRole, own, 'NONE'],
    ['no role at all', viewer([], true), own, 'NONE'],
  ])('%s → %s', (_name, who, owner, audience) => expect(audienceOf(who, owner)).toBe(audience));
});

describe('decidePersonalData', () => {
  it.each<[string, Viewer, PersonSubject, RecordOwner, Disclosure]>([
    ['HQ agent sees a customer', hqAgent, 'CUSTOMER', other, 'FULL'],
    ['partner sees its own courier', partner, 'COURIER', own, 'FULL'],
    ['partner sees customers of waybills it originates or delivers', partner, 'CUSTOMER', waybillOfBoth, 'FULL'],
    ['partner holding another outlet’s parcel sees its customers masked', partner, 'CUSTOMER', other, 'MASKED'],
    ['partner sees another outlet’s courier masked', partner, 'COURIER', other, 'MASKED'],
    ['partner sees another outlet’s manager masked', partner, 'STAFF', other, 'MASKED'],
    ['partner sees a hub or HQ desk whole', partner, 'STAFF', 'NETWORK', 'FULL'],
    ['a customer is never a published desk', partner, 'CUSTOMER', 'NETWORK', 'MASKED'],
    ['agent without pii:read sees staff masked', agentWithoutScope, 'STAFF', 'NETWORK', 'MASKED'],
    ['analyst sees a customer masked', analyst, 'CUSTOMER', own, 'MASKED'],
    ['analyst sees a hub desk masked', analyst, 'STAFF', 'NETWORK', 'MASKED'],
    ['scanner sees nothing', scanner, 'CUSTOMER', own, 'HIDDEN'],
  ])('%s: %s', (_name, who, subject, owner, expected) => expect(decidePersonalData(who, { subject, datum: 'NAME', owner })).toBe(expected));

  it('never shows a whole datum without pii:read, to analysts, or to roles that do not read people', () => {
    for (const who of [agentWithoutScope, partnerWithoutScope, serviceWithoutScope, analyst, analystWithScope, scanner, unknownRole]) {
      for (const subject of ['CUSTOMER', 'COURIER', 'STAFF'] as const) {
        for (const owner of [own, other, waybillOfBoth, NO_OUTLET, 'NETWORK'] as const) {
          expect(decidePersonalData(who, { subject, datum: 'PHONE', owner })).not.toBe('FULL');
        }
      }
    }
  });

  it('treats every subject alike except on a published desk, where only staff are whole', () => {
    for (const [audience, row] of Object.entries(PERSONAL_DATA_POLICY)) {
      if (audience === 'PUBLISHED_DESK') expect(row).toEqual({ CUSTOMER: 'MASKED', COURIER: 'MASKED', STAFF: 'FULL' });
      else expect(new Set(Object.values(row)).size).toBe(1);
    }
  });
});

describe('disclose', () => {
  const name = (owner: RecordOwner) => ({ subject: 'STAFF', datum: 'NAME', owner }) as const;
  it.each<[string, Viewer, { subject: PersonSubject; datum: 'NAME' | 'PHONE' | 'ADDRESS' | 'NOTE'; owner: RecordOwner }, string | null, string | null]>([
    ['whole', partner, name(own), '欧阳娜娜', '欧阳娜娜'],
    ['masked name', partner, name(other), '欧阳娜娜', '欧阳**'],
    ['masked phone', analyst, { subject: 'COURIER', datum: 'PHONE', owner: own }, '13812341234', '138****1234'],
    ['masked address', agentWithoutScope, { subject: 'CUSTOMER', datum: 'ADDRESS', owner: own }, '广东省深圳市南山区科技园路12号', '广东省深圳市南山区****'],
    ['masked note', analyst, { subject: 'CUSTOMER', datum: 'NOTE', owner: own }, '电话13812341234', '电话***'],
    ['hidden', scanner, name(own), '张三', null],
    ['absent', hqAgent, name(own), null, null],
    ['empty', hqAgent, name(own), '', null],
  ])('%s', (_name, who, of, value, expected) => expect(disclose(who, of, value)).toBe(expected));
});
