import { In, type DataSource } from 'typeorm';
import { BY_UUID, keyedLoader } from '@courierdesk/platform-subgraph';
import { childPagesLoader, lateralPage, type ChildPageKey } from '../common/child-pages';
import { uuidKeys } from '../common/ids';
import { CourierEntity } from './courier.entity';

/** A page of an outlet's couriers (`Outlet.couriers`). */
export interface CourierPageKey extends ChildPageKey {
  readonly includeInactive: boolean;
}

/**
 * Per-request courier loaders. Couriers are directory data (common/access.ts): every network
 * reader loads any outlet's; their phone numbers are masked field by field, never here.
 */
export function courierLoaders(ds: DataSource) {
  const repo = ds.getRepository(CourierEntity);
  const table = repo.metadata.tablePath;
  const courier = keyedLoader<string, CourierEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? repo.findBy({ id: In(ids) }) : [];
  }, (row) => row.id, BY_UUID);
  // Code order, as `Query.couriersOfOutlet` pages them: the cursors are the same.
  const couriersOfOutlet = childPagesLoader<CourierPageKey, CourierEntity>({
    fetch: (parentIds, limit, after, key) => {
      const outletIds = uuidKeys(parentIds);
      if (!outletIds.length) return Promise.resolve([]);
      const conditions = [...(key.includeInactive ? [] : ['t.active']), ...(after ? ['t.code > :after'] : [])];
      return repo
        .createQueryBuilder('c')
        .where(`c.id IN (${lateralPage(table, 'outlet_id', 't.code', conditions)})`, { parentIds: outletIds, limit, after: after && String(after[0]) })
        .orderBy('c.code')
        .getMany();
    },
    parentOf: (row) => row.outletId,
    sortKey: (row) => [row.code],
    sortKeyLength: 1,
  });
  return { courier, couriersOfOutlet };
}
