import { In, type DataSource } from 'typeorm';
import type { Identity } from '@courierdesk/platform-auth';
import { groupedLoader, keyedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { outletScope, visibleOutletKeys } from '../common/visibility';
import { CourierEntity } from './courier.entity';

/**
 * Per-request courier loaders. Couriers are private to their outlet: for an outlet-bound caller
 * the restriction is part of the SQL, so no path (field, list, `_entities`) can return another's.
 */
export function courierLoaders(ds: DataSource, identity: Identity) {
  const repo = ds.getRepository(CourierEntity);
  const courier = keyedLoader<string, CourierEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? repo.findBy({ id: In(ids), ...outletScope(identity) }) : [];
  }, (row) => row.id);
  const couriersOfOutlet = groupedLoader<string, CourierEntity>(async (keys) => {
    const outletIds = visibleOutletKeys(identity, keys);
    if (!outletIds.length) return [];
    return repo.find({ where: { outletId: In(outletIds) }, order: { code: 'ASC' } });
  }, (row) => row.outletId);
  return { courier, couriersOfOutlet };
}
