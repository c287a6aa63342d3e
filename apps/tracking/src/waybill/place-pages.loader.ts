import DataLoader from 'dataloader';
import type { AnomalyCode } from '@courierdesk/domain-parcel';
import type { Identity } from '@courierdesk/platform-auth';
import type { Page } from '@courierdesk/platform-subgraph';
import type { FinderRequest, WaybillFinderService } from '../waybill/waybill-finder.service';
import type { PlaceRole, WaybillOrder } from '../waybill/waybill-list.query';
import type { WaybillPageRow } from '../waybill/waybill.row';

/** One page of one place's waybills, as a field on an Outlet or TransitCentre reference asks for it. */
export interface PlacePageKey {
  role: PlaceRole;
  placeId: string;
  order: WaybillOrder;
  first?: number | null;
  after?: string | null;
  /** Anomaly codes located at the place (work queues); null: a plain list. */
  codes: AnomalyCode[] | null;
}

/**
 * Per-request loader of place pages: the gateway resolves `inboundWaybills` of fifty outlet
 * references in one `_entities` call, and this turns them into one statement (per distinct page
 * shape — normally one), not fifty.
 */
export function placePagesLoader(finder: WaybillFinderService, identity: Identity, request: FinderRequest) {
  return new DataLoader<PlacePageKey, Page<WaybillPageRow>, string>(
    async (keys) => {
      const shapes = new Map<string, PlacePageKey[]>();
      for (const key of keys) {
        const shape = JSON.stringify([key.role, key.order, key.first ?? null, key.after ?? null, key.codes]);
        shapes.set(shape, [...(shapes.get(shape) ?? []), key]);
      }
      const pages = new Map<string, Page<WaybillPageRow>>();
      for (const [shape, group] of shapes) {
        const [{ role, order, first, after, codes }] = group;
        const byPlace = await finder.pagesOfPlaces(identity, request, role, [...new Set(group.map((k) => k.placeId))], order, { first, after }, codes);
        for (const [placeId, page] of byPlace) pages.set(`${shape}|${placeId}`, page);
      }
      return keys.map((key) => pages.get(`${JSON.stringify([key.role, key.order, key.first ?? null, key.after ?? null, key.codes])}|${key.placeId}`) as Page<WaybillPageRow>);
    },
    { cacheKeyFn: (key) => JSON.stringify(key), maxBatchSize: 1000 },
  );
}
