import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ItemRestriction, type CatalogueMatch as DomainMatch, type ProhibitedItemCatalogue as DomainCatalogue } from '@courierdesk/domain-tariff';
import { listSize } from '@courierdesk/platform-subgraph';
import type { Published } from '../tariff/rule-versions.store';
import { CatalogueMatchKind, ItemCategory, SendVerdict } from '../tariff/tariff.enums';

/** Most items a catalogue version lists. */
export const MAX_CATALOGUE_ITEMS = 500;
/** Most aliases an item lists. */
export const MAX_ITEM_ALIASES = 50;
/** Most hits one search returns. */
export const MAX_CATALOGUE_MATCHES = 50;

@ObjectType('CatalogueItem', { description: 'An entry of the prohibited-items catalogue (禁寄/限寄物品).' })
export class CatalogueItem {
  @Field({ description: 'Stable code, e.g. `LITHIUM_BATTERY`.' })
  code: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Directive(listSize(MAX_ITEM_ALIASES))
  @Field(() => [String], { description: 'Other words people use for it (别称).' })
  aliasesZh: string[];

  @Field(() => ItemCategory)
  category: string;

  @Field({ description: 'The category’s name in the catalogue.' })
  categoryZh: string;

  @Field(() => ItemRestriction)
  restriction: ItemRestriction;

  @Field(() => String, { nullable: true, description: 'For a restricted item: the conditions it is accepted under (收寄条件).' })
  conditionZh: string | null;

  @Field({ description: 'The rule it comes from (依据).' })
  source: string;
}

@ObjectType('ProhibitedItemCatalogue', { description: 'A version of the prohibited-items catalogue (禁寄物品目录): published once, never edited.' })
export class ProhibitedItemCatalogue {
  @Field({ description: 'e.g. `catalogue-2016.1`.' })
  version: string;

  @Field()
  effectiveFrom: Date;

  @Field(() => String, { nullable: true })
  basedOn: string | null;

  @Field()
  publishedAt: Date;

  @Directive(listSize(MAX_CATALOGUE_ITEMS))
  @Field(() => [CatalogueItem])
  items: CatalogueItem[];
}

@ObjectType('CatalogueMatch', { description: 'One hit of a catalogue search.' })
export class CatalogueMatch {
  @Field(() => CatalogueItem)
  item: CatalogueItem;

  @Field({ description: 'The name, alias or category that matched.' })
  matchedTerm: string;

  @Field(() => CatalogueMatchKind)
  matchKind: string;

  @Field(() => Int, { description: '0–100; comparable within one search.' })
  score: number;
}

@ObjectType('CatalogueSearch', { description: 'Can I send this (能不能寄)? The catalogue in force, searched in Chinese or English.' })
export class CatalogueSearch {
  @Field()
  catalogueVersion: string;

  @Field()
  text: string;

  @Field(() => SendVerdict)
  verdict: string;

  @Field({ description: 'The answer in one sentence for the customer (中文).' })
  answerZh: string;

  @Directive(listSize(MAX_CATALOGUE_MATCHES))
  @Field(() => [CatalogueMatch], { description: 'Best first; prohibited before restricted on a tie.' })
  matches: CatalogueMatch[];
}

@InputType('CatalogueItemInput', { description: 'An item added to, or replacing one of, the catalogue.' })
export class CatalogueItemInput {
  @Field()
  code: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;

  @Field(() => [String], { defaultValue: [] })
  aliasesZh: string[];

  @Field(() => ItemCategory)
  category: string;

  @Field(() => ItemRestriction)
  restriction: ItemRestriction;

  @Field(() => String, { nullable: true, description: 'Required for RESTRICTED, absent for PROHIBITED.' })
  conditionZh?: string | null;

  @Field()
  source: string;
}

@InputType('PublishCatalogueInput', { description: 'A new catalogue version made from an existing one.' })
export class PublishCatalogueInput {
  @Field({ description: 'Its name, like `catalogue-2027.1`; never reused.' })
  version: string;

  @Field({ description: 'When it takes over; in the future.' })
  effectiveFrom: Date;

  @Field(() => String, { nullable: true, description: 'The version it copies; absent for a first catalogue, whose items are `upsert` alone.' })
  basedOn?: string | null;

  @Field(() => [CatalogueItemInput], { nullable: true, description: 'Items added, or replacing the item with the same code.' })
  upsert?: CatalogueItemInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of items taken off.' })
  remove?: string[] | null;
}

export const toCatalogueItem = (item: DomainCatalogue['items'][number], categoryZh: string): CatalogueItem =>
  Object.assign(new CatalogueItem(), { ...item, aliasesZh: [...item.aliasesZh], categoryZh });

export const toCatalogue = ({ rule, basedOn, publishedAt }: Published<DomainCatalogue>, categoryName: (category: string) => string): ProhibitedItemCatalogue =>
  Object.assign(new ProhibitedItemCatalogue(), {
    version: rule.version,
    effectiveFrom: rule.effectiveFrom,
    basedOn,
    publishedAt,
    items: rule.items.map((item) => toCatalogueItem(item, categoryName(item.category))),
  });

export const toMatch = (match: DomainMatch, categoryName: (category: string) => string): CatalogueMatch =>
  Object.assign(new CatalogueMatch(), { ...match, item: toCatalogueItem(match.item, categoryName(match.item.category)) });
