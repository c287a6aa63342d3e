import type { Landmark } from '@courierdesk/domain-network';
import { personName } from './chinese-names';
import type { DemoDeliveryArea } from './network-demo.types';
import type { DemoParty } from './tracking-demo.types';
import type { Random } from './prng';

// Number segments of the three carriers (号段). Customers' numbers need not be unique (a merchant
// ships thousands of parcels), so they are drawn freely, unlike the directory's PhoneBook.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158',
  '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];

/** A mainland mobile number (手机号), e.g. `13812341234`. */
export const customerMobile = (random: Random): string => random.pick(MOBILE_PREFIXES) + random.digits(8);

// Online shops send most parcels (电商件): their names are what a recipient reads as sender.
const SHOP_WORDS = ['优品', '云裳', '潮玩', '鲜果', '数码', '家居', '母婴', '美妆', '茶叶', '户外', '书香', '宠物', '汽配', '文具'];
const SHOP_KINDS = ['旗舰店', '专营店', '工厂店', '小铺', '生活馆', '批发部'];

/** A shop name (网店), e.g. `南头鲜果旗舰店`. */
const shopName = (random: Random, locality: string): string =>
  `${random.next() < 0.5 ? locality : ''}${random.pick(SHOP_WORDS)}${random.pick(SHOP_KINDS)}`;

/** A door within a landmark: a flat in a compound, an office in a unit, a dormitory at a school. */
function door(random: Random, landmark: Landmark): string {
  switch (landmark.kind) {
    case 'RESIDENTIAL':
      return `${random.int(1, 28)}栋${random.int(1, 4)}单元${random.int(1, 32)}0${random.int(1, 6)}室`;
    case 'SCHOOL':
      return random.next() < 0.5 ? '传达室' : `${random.int(1, 12)}号宿舍楼${random.int(1, 6)}${String(random.int(1, 40)).padStart(2, '0')}`;
    case 'UNIT':
      return `${random.pick(['办公室', '综合科', '财务科', '后勤处', '收发室'])}`;
    case 'MAJOR_CUSTOMER':
      return `${random.int(1, 12)}号楼${random.int(1, 20)}0${random.int(1, 9)}`;
  }
}

/** A street address within the area's district: street, landmark and door, or a numbered road. */
export function areaAddress(random: Random, area: DemoDeliveryArea): string {
  if (area.landmarks.length > 0 && random.next() < 0.8) {
    const landmark = random.pick(area.landmarks);
    return `${area.streetName}${landmark.name}${door(random, landmark)}`;
  }
  const road = area.streetName.replace(/(街道|镇|乡)$/, '');
  return `${area.streetName}${road}${random.pick(['路', '大道', '街'])}${random.int(1, 399)}号`;
}

/** The sender (寄件人): an online shop two times in five, a person otherwise. */
export function senderOf(random: Random, area: DemoDeliveryArea): DemoParty {
  const locality = area.streetName.replace(/(街道|镇|乡)$/, '');
  return {
    name: random.next() < 0.4 ? shopName(random, locality) : personName(random),
    phone: customerMobile(random),
    districtCode: area.districtCode,
    address: areaAddress(random, area),
  };
}

/** The recipient (收件人): a person at an address in the area. */
export function recipientOf(random: Random, area: DemoDeliveryArea): DemoParty {
  return { name: personName(random), phone: customerMobile(random), districtCode: area.districtCode, address: areaAddress(random, area) };
}
