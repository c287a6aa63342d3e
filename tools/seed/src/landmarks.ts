import { LANDMARK_KINDS, type Landmark, type LandmarkKind } from '@courierdesk/domain-network';
import type { Random } from './prng';

// Name patterns per landmark kind; `@` is the street's locality (南头 for 南头街道). Towns get
// village-flavoured names, subdistricts urban ones, as on real delivery-area sheets.
const URBAN: Readonly<Record<LandmarkKind, readonly string[]>> = {
  SCHOOL: ['@第一小学', '@实验学校', '@中学', '@第二小学', '@幼儿园', '@外国语学校'],
  RESIDENTIAL: ['@花园小区', '@家园', '@新村', '@雅苑', '@公寓', '@名苑小区', '@锦苑'],
  UNIT: ['@社区卫生服务中心', '@派出所', '@街道办事处', '@邮政支局', '@人民医院', '@图书馆'],
  MAJOR_CUSTOMER: ['@电子商务产业园', '@科技园', '@商贸城', '@物流园', '@服装城', '@创意园'],
};
const RURAL: Readonly<Record<LandmarkKind, readonly string[]>> = {
  SCHOOL: ['@中心小学', '@中学', '@中心幼儿园', '@九年一贯制学校'],
  RESIDENTIAL: ['@新村', '@村委会', '@安置小区', '@家园'],
  UNIT: ['@人民政府', '@卫生院', '@派出所', '@供销社', '@邮政所'],
  MAJOR_CUSTOMER: ['@农产品批发市场', '@工业园', '@电商服务站', '@农业合作社', '@果蔬基地'],
};

/** Two to four landmarks of different kinds for a street (学校、小区、单位、大客户), named after its locality. */
export function streetLandmarks(random: Random, locality: string, rural: boolean): Landmark[] {
  const templates = rural ? RURAL : URBAN;
  const count = random.int(2, 4);
  return random
    .shuffle(LANDMARK_KINDS)
    .slice(0, count)
    .map((kind) => ({ kind, name: random.pick(templates[kind]).replace('@', locality) }));
}
