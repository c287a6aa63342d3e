import { registerEnumType } from 'type-graphql';
import { ChargeCode, ItemRestriction, ITEM_CATEGORIES, Zone } from '@courierdesk/domain-tariff';

// The tariff's vocabularies, registered once from the domain's: values never drift from the rules.
registerEnumType(Zone, { name: 'PriceZone', description: 'Price zone (计费区域): 同城 SAME_CITY, 省内 SAME_PROVINCE, 邻省 NEIGHBOURING, 跨省 FAR, 偏远地区 REMOTE.' });
registerEnumType(ChargeCode, { name: 'ChargeCode', description: 'A line of a bill (计费项目): 运费 FREIGHT, 保价费 INSURANCE, 偏远附加费 REMOTE_AREA, 超长附加费 OVERSIZE, 上楼费 UPSTAIRS.' });

/** How a whole charge compares with the tariff. */
export const ChargeVerdict = { CORRECT: 'CORRECT', OVERCHARGED: 'OVERCHARGED', UNDERCHARGED: 'UNDERCHARGED' } as const;
registerEnumType(ChargeVerdict, {
  name: 'ChargeVerdict',
  description: 'CORRECT: as the tariff says; OVERCHARGED (多收/乱收费): some line above it, refundOwedFen is owed back; UNDERCHARGED: only lines below it (never collected from the customer).',
});

/** How one charged line compares with the tariff. */
export const ChargeLineVerdict = { MATCHES: 'MATCHES', OVERCHARGED: 'OVERCHARGED', UNDERCHARGED: 'UNDERCHARGED', NOT_ALLOWED: 'NOT_ALLOWED' } as const;
registerEnumType(ChargeLineVerdict, {
  name: 'ChargeLineVerdict',
  description: 'MATCHES; OVERCHARGED: above what the tariff allows; UNDERCHARGED: below it; NOT_ALLOWED: a line the tariff does not allow for this shipment at all (乱收费), e.g. the old oversize threshold after its change.',
});

registerEnumType(ItemRestriction, { name: 'ItemRestriction', description: 'PROHIBITED: never accepted (禁寄); RESTRICTED: accepted only under the stated conditions (限寄).' });

/** The catalogue's categories (禁止寄递物品指导目录 and the network's restricted goods). */
export const ItemCategory = Object.fromEntries(Object.keys(ITEM_CATEGORIES).map((key) => [key, key])) as { [K in keyof typeof ITEM_CATEGORIES]: K };
registerEnumType(ItemCategory, {
  name: 'ItemCategory',
  description: 'Category of the prohibited-items guidance catalogue (禁止寄递物品指导目录), or RESTRICTED_GOODS (限寄物品) of the network’s acceptance rules.',
  valuesConfig: Object.fromEntries(Object.entries(ITEM_CATEGORIES).map(([key, name]) => [key, { description: name }])),
});

/** The answer to "can I send this?". */
export const SendVerdict = { PROHIBITED: 'PROHIBITED', RESTRICTED: 'RESTRICTED', NOT_LISTED: 'NOT_LISTED' } as const;
registerEnumType(SendVerdict, {
  name: 'SendVerdict',
  description: 'PROHIBITED (禁寄): the best match may not be sent; RESTRICTED (限寄): only under its conditions; NOT_LISTED: the catalogue names nothing like it (accepted subject to the inspection at collection, 收寄验视).',
});

/** How a catalogue entry matched. */
export const CatalogueMatchKind = { EXACT: 'EXACT', NAME_IN_TEXT: 'NAME_IN_TEXT', TEXT_IN_NAME: 'TEXT_IN_NAME', SIMILAR: 'SIMILAR', CATEGORY: 'CATEGORY' } as const;
registerEnumType(CatalogueMatchKind, {
  name: 'CatalogueMatchKind',
  description: 'EXACT name or alias; NAME_IN_TEXT (the text names it: 一箱打火机); TEXT_IN_NAME (part of a name); SIMILAR (shared characters); CATEGORY (the category’s name).',
});
