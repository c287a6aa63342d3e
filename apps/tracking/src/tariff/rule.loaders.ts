import type { ProhibitedItemCatalogue, Tariff } from '@courierdesk/domain-tariff';
import type { Published } from './rule-versions.store';
import type { TrackingServices } from '../tracking.services';

/**
 * Per-request readers of the published rules: each table is read at most once per request,
 * however many waybills' charge checks, quotes or searches the response holds (one query per
 * level and less). Read per request, not cached per process: another instance may publish.
 */
export function ruleLoaders(services: Pick<TrackingServices, 'tariffs' | 'catalogue'>) {
  let tariffs: Promise<Published<Tariff>[]> | undefined;
  let catalogues: Promise<Published<ProhibitedItemCatalogue>[]> | undefined;
  const publishedTariffs = (): Promise<Published<Tariff>[]> => (tariffs ??= services.tariffs.store.all());
  const publishedCatalogues = (): Promise<Published<ProhibitedItemCatalogue>[]> => (catalogues ??= services.catalogue.store.all());
  return {
    publishedTariffs,
    publishedCatalogues,
    /** The tariff versions as the rules take them, oldest first. */
    tariffRules: async (): Promise<Tariff[]> => (await publishedTariffs()).map((p) => p.rule),
    /** The catalogue versions as the rules take them, oldest first. */
    catalogueRules: async (): Promise<ProhibitedItemCatalogue[]> => (await publishedCatalogues()).map((p) => p.rule),
  };
}
