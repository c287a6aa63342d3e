import { chinaTime } from '@courierdesk/domain-sla';
import type { CatalogueItem, ItemCategory, ProhibitedItemCatalogue } from './prohibited-items';

/** The guidance catalogue annexed to the Rules on Prohibited Items (禁止寄递物品管理规定, 2016, 附件《禁止寄递物品指导目录》). */
const GUIDANCE = '禁止寄递物品管理规定（2016）附件《禁止寄递物品指导目录》';
/**
 * The network's own acceptance terms for restricted goods and live animals. ASSUMED, not a
 * published rule: modelled on the terms large Chinese carriers print (lithium limits after the
 * IATA dangerous-goods limits they adopt, sealed packing for liquids, the inspection at collection).
 */
const NETWORK = '网络收寄规则（收寄验视；按主要快递企业条款拟定）';

const no = (code: string, category: ItemCategory, nameZh: string, nameEn: string, aliasesZh: string[]): CatalogueItem => ({
  code, category, nameZh, nameEn, aliasesZh, restriction: 'PROHIBITED', conditionZh: null, source: GUIDANCE,
});
const only = (code: string, nameZh: string, nameEn: string, aliasesZh: string[], conditionZh: string): CatalogueItem => ({
  code, category: 'RESTRICTED_GOODS', nameZh, nameEn, aliasesZh, restriction: 'RESTRICTED', conditionZh, source: NETWORK,
});

const ITEMS: readonly CatalogueItem[] = [
  no('FIREARM', 'FIREARMS', '枪支', 'firearms and their main parts, replicas included', ['手枪', '步枪', '猎枪', '气枪', '仿真枪', '枪支零部件']),
  no('AMMUNITION', 'FIREARMS', '弹药', 'ammunition', ['子弹', '炮弹', '手榴弹', '火箭弹', '照明弹']),
  no('CONTROLLED_KNIFE', 'CONTROLLED_WEAPONS', '管制刀具', 'controlled knives', ['匕首', '三棱刮刀', '弹簧刀', '跳刀', '三棱尖刀']),
  no('CROSSBOW', 'CONTROLLED_WEAPONS', '弩', 'crossbows', ['弓弩', '弩箭']),
  no('STUN_DEVICE', 'CONTROLLED_WEAPONS', '电击器', 'stun devices', ['电警棍', '电击棒', '防狼电击器']),
  no('TEAR_GAS', 'CONTROLLED_WEAPONS', '催泪器', 'tear-gas and pepper sprays', ['催泪喷射器', '防狼喷雾', '辣椒喷雾']),
  no('EXPLOSIVE', 'EXPLOSIVES', '炸药', 'explosives', ['黑火药', '烟火药', '发令纸', '引火线']),
  no('DETONATOR', 'EXPLOSIVES', '雷管', 'detonators and fuses', ['导火索', '导爆索', '引信']),
  no('FIREWORKS', 'EXPLOSIVES', '烟花爆竹', 'fireworks and firecrackers', ['烟花', '鞭炮', '礼花弹', '摔炮', '擦炮']),
  no('FLAMMABLE_GAS', 'GASES', '易燃气体', 'flammable gases', ['氢气', '甲烷', '乙烷', '丁烷', '天然气', '液化石油气', '煤气罐', '乙炔']),
  no('LIGHTER', 'GASES', '打火机', 'lighters', ['一次性打火机', '充气打火机', '防风打火机', '火机', '打火机气']),
  no('TOXIC_GAS', 'GASES', '有毒气体', 'toxic gases', ['一氧化碳', '一氧化氮', '氯气']),
  no('COMPRESSED_GAS', 'GASES', '压缩气体', 'compressed, oxidising or asphyxiant gases and their cylinders', ['压缩氧气', '氧气瓶', '氮气', '氦气', '氖气', '气瓶']),
  no('AEROSOL', 'GASES', '气雾剂', 'aerosols', ['喷雾罐', '发胶', '摩丝', '杀虫气雾剂', '空气清新剂', '自喷漆']),
  no('FUEL', 'FLAMMABLE_LIQUIDS', '汽油', 'petrol, diesel and other fuels', ['柴油', '煤油', '燃油']),
  no('ALCOHOL_SPIRIT', 'FLAMMABLE_LIQUIDS', '酒精', 'ethanol', ['乙醇', '医用酒精', '消毒酒精', '无水酒精']),
  no('SOLVENT', 'FLAMMABLE_LIQUIDS', '有机溶剂', 'flammable solvents', ['丙酮', '乙醚', '苯', '松香油', '香蕉水', '天那水']),
  no('PAINT', 'FLAMMABLE_LIQUIDS', '油漆', 'paints and lacquers', ['生漆', '桐油', '稀释剂', '指甲油']),
  no('MATCHES', 'FLAMMABLE_SOLIDS', '火柴', 'matches', ['安全火柴', '防风火柴']),
  no('FLAMMABLE_SOLID', 'FLAMMABLE_SOLIDS', '易燃固体', 'flammable solids', ['红磷', '硫磺', '铝粉', '闪光粉', '镁粉', '固体酒精']),
  no('SPONTANEOUS', 'FLAMMABLE_SOLIDS', '自燃物品', 'spontaneously combustible substances', ['黄磷', '白磷', '硝化纤维', '油纸']),
  no('WATER_REACTIVE', 'FLAMMABLE_SOLIDS', '遇水易燃物品', 'substances dangerous when wet', ['金属钠', '金属钾', '金属锂', '锌粉', '碳化钙', '电石']),
  no('OXIDISER', 'OXIDISERS', '氧化剂', 'oxidisers', ['高锰酸钾', '高锰酸盐', '高氯酸盐', '氯酸盐', '溴酸盐', '硝酸盐']),
  no('PEROXIDE', 'OXIDISERS', '过氧化物', 'peroxides', ['双氧水', '过氧化氢', '过氧化钠', '过氧化钾', '过氧化铅']),
  no('POISON', 'TOXIC', '剧毒物品', 'poisons', ['砒霜', '砷', '氰化物', '汞', '水银', '铊', '硒粉', '苯酚']),
  no('PESTICIDE', 'TOXIC', '剧毒农药', 'highly toxic pesticides', ['农药', '老鼠药', '毒鼠强', '敌敌畏', '百草枯']),
  no('BIOHAZARD', 'INFECTIOUS', '传染性物质', 'infectious substances and medical waste', ['病菌', '病毒', '炭疽', '寄生虫', '医疗废物', '医疗废弃物', '排泄物']),
  no('HUMAN_REMAINS', 'INFECTIOUS', '人体器官', 'human remains and organs', ['尸骨', '遗体', '人体组织']),
  no('RAW_ANIMAL_PARTS', 'INFECTIOUS', '动物器官', 'animal organs and untreated hides and bones', ['动物肢体', '未经硝制的兽皮', '未经药制的兽骨', '生皮']),
  no('RADIOACTIVE', 'RADIOACTIVE', '放射性物质', 'radioactive material', ['铀', '钴', '镭', '钚', '放射源']),
  no('ACID', 'CORROSIVE', '强酸', 'strong acids', ['硫酸', '硝酸', '盐酸']),
  no('ALKALI', 'CORROSIVE', '强碱', 'strong alkalis', ['氢氧化钠', '氢氧化钾', '烧碱', '火碱']),
  no('LEAD_ACID_BATTERY', 'CORROSIVE', '蓄电池', 'lead-acid and other wet batteries', ['铅酸电池', '电瓶', '汽车电瓶']),
  no('NARCOTICS', 'DRUGS', '毒品', 'narcotics', ['鸦片', '吗啡', '可卡因', '海洛因', '大麻', '冰毒', '摇头丸', '罂粟壳']),
  no('DRUG_PARAPHERNALIA', 'DRUGS', '吸毒工具', 'drug paraphernalia', ['吸毒器具', '冰壶']),
  no('DRUG_PRECURSOR', 'DRUGS', '易制毒化学品', 'drug precursors', ['麻黄碱', '麻黄素']),
  no('ILLEGAL_PUBLICATION', 'ILLEGAL_PUBLICATIONS', '非法出版物', 'illegal publications and propaganda', ['非法印刷品', '淫秽物品', '淫秽出版物', '盗版光盘', '反动宣传品']),
  no('SPY_EQUIPMENT', 'ESPIONAGE', '间谍专用器材', 'espionage equipment', ['窃听器', '窃照器材', '暗藏式窃听器材']),
  no('FORGED_DOCUMENT', 'FORGERIES', '伪造证件', 'forged documents and seals', ['假证', '伪造公章', '假公章', '伪造发票']),
  no('COUNTERFEIT_MONEY', 'FORGERIES', '假币', 'counterfeit money', ['伪造货币', '变造货币']),
  no('COUNTERFEIT_GOODS', 'COUNTERFEITS', '假冒伪劣商品', 'counterfeit and infringing goods', ['假货', '仿冒品', '侵权商品']),
  no('ENDANGERED_WILDLIFE', 'WILDLIFE', '濒危野生动物制品', 'endangered wildlife and its products', ['象牙', '虎骨', '犀牛角', '穿山甲', '玳瑁', '熊胆']),
  no('BANNED_CROSS_BORDER', 'IMPORT_EXPORT_BANNED', '禁止进出境物品', 'goods banned from import and export', ['珍贵文物', '禁止出境文物']),
  no('STATE_SECRET', 'OTHER', '国家秘密载体', 'carriers of state secrets', ['机密文件', '国家机关公文']),
  { ...no('LIVE_ANIMAL', 'OTHER', '活体动物', 'live animals', ['活物', '宠物', '活鸡', '活鱼', '猫', '狗', '鸟']), source: NETWORK },
  only('LITHIUM_BATTERY', '锂电池', 'lithium batteries', ['充电宝', '移动电源', '锂离子电池', '手机电池', '电池'],
    '装在设备内或与设备同包装的锂电池可寄（锂离子电池每块额定能量不超过 100Wh，锂金属电池锂含量不超过 2g）；单独寄递的充电宝、移动电源和超过上述限值的电池不予收寄'),
  only('LIQUID', '液体', 'non-flammable liquids', ['饮料', '化妆品', '护肤品', '洗发水', '沐浴露', '酱油', '食用油'],
    '非易燃、无毒、无腐蚀性的液体：原厂密封、瓶口封口，外加吸附材料和防渗袋，当面验视后收寄；易燃液体（酒精、汽油、油漆等）禁寄'),
  only('LIQUOR', '酒类', 'alcoholic drinks', ['白酒', '红酒', '葡萄酒', '啤酒', '黄酒'],
    '原厂密封、酒精度不超过 70% 的酒可寄，每件不超过 6 瓶，须防震防漏包装；散装酒和酒精度超过 70% 的酒不予收寄'),
  only('PERFUME', '香水', 'perfume', ['古龙水', '花露水'], '原装密封、每瓶不超过 100ml、每件合计不超过 500ml 可寄，须防漏包装'),
  only('POWDER', '粉末', 'powders', ['奶粉', '蛋白粉', '面粉', '药粉'], '原厂密封、标签清晰的食品或药品粉末可寄；来历不明的粉末不予收寄'),
  only('MEDICINE', '药品', 'medicines', ['处方药', '中成药', '西药', '中药材'], '非麻醉、非精神类药品凭购药凭证或处方收寄；麻醉药品和精神药品按毒品类禁寄'),
  only('KITCHEN_KNIFE', '刀具', 'kitchen and tool knives (not controlled knives)', ['菜刀', '水果刀', '剪刀', '美工刀'],
    '非管制刀具（厨房刀具、工具刀等）须刀刃包裹、装箱固定后收寄；匕首、弹簧刀等管制刀具禁寄'),
];

/**
 * The catalogue from the Rules on Prohibited Items (in force 2016-12-16), with the network's
 * restricted goods. Every prohibited entry quotes its category of the guidance catalogue.
 */
export const CATALOGUE_2016: ProhibitedItemCatalogue = {
  version: 'catalogue-2016.1',
  effectiveFrom: chinaTime(2016, 12, 16),
  items: ITEMS,
};

/** The catalogue versions the demo loads, oldest first. */
export const DEMO_CATALOGUES: readonly ProhibitedItemCatalogue[] = [CATALOGUE_2016];
