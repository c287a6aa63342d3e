import { Arg, Authorized, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { policyInForce } from '@courierdesk/domain-sla';
import { ITEM_CATEGORIES, searchCatalogue, sendAnswerZh, sendVerdict, type CatalogueItem, type ItemCategory } from '@courierdesk/domain-tariff';
import { Scope } from '@courierdesk/platform-auth';
import { listSize } from '@courierdesk/platform-subgraph';
import { trackingError } from '../common/tracking.errors';
import type { TrackingContext } from '../tracking.loaders';
import { ASSUMED_RULE_VERSIONS } from '../tariff/tariff.type';
import type { CatalogueService } from './catalogue.service';
import { CatalogueSearch, MAX_CATALOGUE_MATCHES, ProhibitedItemCatalogue, PublishCatalogueInput, toCatalogue, toMatch } from './catalogue.type';

const categoryName = (category: string): string => ITEM_CATEGORIES[category as ItemCategory] ?? category;

/**
 * The prohibited-items catalogue (禁寄物品目录): readable by every caller with a token, so an agent
 * answers "can I send this?" from data; publishing a version is HQ's.
 */
@Resolver()
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Authorized()
  @Directive(listSize(ASSUMED_RULE_VERSIONS))
  @Query(() => [ProhibitedItemCatalogue], { description: 'Every published catalogue version, oldest first.' })
  async prohibitedItemCatalogues(@Ctx() ctx: TrackingContext): Promise<ProhibitedItemCatalogue[]> {
    return (await ctx.loaders.publishedCatalogues()).map((p) => toCatalogue(p, categoryName));
  }

  @Authorized()
  @Query(() => CatalogueSearch, {
    description:
      'Can I send this (能不能寄)? Searches the catalogue in force at `at` (now when absent) in Chinese or English — 打火机, 锂电池, 液体 — by name, alias, ' +
      'the words in the text and the category. BAD_USER_INPUT: SEARCH_TEXT_REQUIRED, SEARCH_TEXT_TOO_LONG, INVALID_LIMIT; NOT_FOUND: NO_POLICY_IN_FORCE.',
  })
  async searchProhibitedItems(
    @Arg('text') text: string,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
    @Ctx() ctx: TrackingContext,
  ): Promise<CatalogueSearch> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CATALOGUE_MATCHES) {
      throw trackingError('INVALID_LIMIT', `limit must be between 1 and ${MAX_CATALOGUE_MATCHES}`);
    }
    const inForce = policyInForce(
      await ctx.loaders.catalogueRules(),
      at ?? ctx.loaders.now,
    );
    const matches = searchCatalogue(inForce, text, limit);
    return Object.assign(new CatalogueSearch(), {
      catalogueVersion: inForce.version,
      text,
      verdict: sendVerdict(matches),
      answerZh: sendAnswerZh(text, matches, inForce.version),
      matches: matches.map((m) => toMatch(m, categoryName)),
    });
  }

  @Authorized(Scope.RULES_PUBLISH)
  @Mutation(() => ProhibitedItemCatalogue, {
    description:
      'Publish a new catalogue version (发布禁寄目录) made from an existing one; versions are never edited. HQ only (FORBIDDEN: RULES_PUBLISH_HQ_ONLY, SCOPE_MISSING). ' +
      'BAD_USER_INPUT: INVALID_CATALOGUE, RULE_EFFECTIVE_IN_PAST; NOT_FOUND: CATALOGUE_NOT_FOUND; CONFLICT: RULE_VERSION_EXISTS.',
  })
  async publishProhibitedItemCatalogue(@Arg('input') input: PublishCatalogueInput, @Ctx() ctx: TrackingContext): Promise<ProhibitedItemCatalogue> {
    const published = await this.catalogue.publish(ctx.identity, {
      ...input,
      upsert: input.upsert?.map((item): CatalogueItem => ({ ...item, category: item.category as ItemCategory, conditionZh: item.conditionZh ?? null })),
    });
    return toCatalogue(published, categoryName);
  }
}
