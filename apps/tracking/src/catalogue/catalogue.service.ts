import type { DataSource } from 'typeorm';
import { validateCatalogue, type CatalogueItem, type ProhibitedItemCatalogue } from '@courierdesk/domain-tariff';
import { isOutletBound, type Identity } from '@courierdesk/platform-auth';
import { trackingError } from '../common/tracking.errors';
import { RuleVersionStore, type Published } from '../tariff/rule-versions.store';

/** The catalogue versions' store. */
export const catalogueStore = (ds: DataSource): RuleVersionStore<ProhibitedItemCatalogue> =>
  new RuleVersionStore<ProhibitedItemCatalogue>(
    ds,
    { table: 'prohibited_item_catalogue', body: 'items', notFound: 'CATALOGUE_NOT_FOUND' },
    (version, effectiveFrom, content) => ({ version, effectiveFrom, items: content as CatalogueItem[] }),
  );

/** What a new catalogue version changes of the one it is based on. */
export interface CatalogueChanges {
  version: string;
  effectiveFrom: Date;
  /** The version it copies; null for a first version, whose items are `upsert` alone. */
  basedOn?: string | null;
  /** Items added, or replacing the item with the same code. */
  upsert?: readonly CatalogueItem[] | null;
  /** Codes of items taken off. */
  remove?: readonly string[] | null;
}

/** Publishing the prohibited-items catalogue (发布禁寄目录): a new version, never an edit. */
export class CatalogueService {
  readonly store: RuleVersionStore<ProhibitedItemCatalogue>;

  constructor(
    ds: DataSource,
    private readonly clock: () => Date,
  ) {
    this.store = catalogueStore(ds);
  }

  /** Publishes `changes` over the version it is based on: INVALID_CATALOGUE, RULE_EFFECTIVE_IN_PAST, RULE_VERSION_EXISTS, RULES_PUBLISH_HQ_ONLY, CATALOGUE_NOT_FOUND. */
  async publish(identity: Identity, changes: CatalogueChanges): Promise<Published<ProhibitedItemCatalogue>> {
    if (isOutletBound(identity)) throw trackingError('RULES_PUBLISH_HQ_ONLY', 'The catalogue is published by HQ');
    if (changes.effectiveFrom.getTime() <= this.clock().getTime()) {
      throw trackingError('RULE_EFFECTIVE_IN_PAST', 'A new version starts in the future: answers given under the old one stay as they were');
    }
    const base = changes.basedOn ? (await this.store.byName(changes.basedOn)).rule : { version: null, items: [] as CatalogueItem[] };
    const removed = new Set(changes.remove ?? []);
    const upserts = new Map((changes.upsert ?? []).map((item) => [item.code, item] as const));
    const items = base.items.filter((item) => !removed.has(item.code)).map((item) => upserts.get(item.code) ?? item);
    for (const [code, item] of upserts) if (!base.items.some((i) => i.code === code)) items.push(item);
    const catalogue = validateCatalogue({ version: changes.version, effectiveFrom: changes.effectiveFrom, items });
    await this.store.publish(catalogue, catalogue.items, base.version ?? null, identity.subject);
    return this.store.byName(catalogue.version);
  }

  /** Loads catalogue versions that ship with the code (demo data, tests) unless present. */
  loadMissing(catalogues: readonly ProhibitedItemCatalogue[], publishedBy: string): Promise<number> {
    return this.store.loadMissing(catalogues.map((c) => validateCatalogue(c)), (c) => c.items, publishedBy);
  }
}
