import { In, type DataSource } from 'typeorm';
import { BY_UUID, keyedLoader } from '@courierdesk/platform-subgraph';
import { childPagesLoader, lateralPage, type ChildPageKey } from '../common/child-pages';
import { uuidKeys } from '../common/ids';
import { OutletEntity } from './outlet.entity';

/** Per-request loaders of outlets (directory data: every network reader sees every outlet). */
export function outletLoaders(ds: DataSource) {
  const repo = ds.getRepository(OutletEntity);
  const outlet = keyedLoader<string, OutletEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? repo.findBy({ id: In(ids) }) : [];
  }, (row) => row.id, BY_UUID);
  // A transit centre feeds hundreds of outlets: a page each, in code order like `Query.outlets`.
  const outletsOfTransitCentre = childPagesLoader<ChildPageKey, OutletEntity>({
    fetch: (parentIds, limit, after) => {
      const centreIds = uuidKeys(parentIds);
      if (!centreIds.length) return Promise.resolve([]);
      const conditions = after ? ['t.code > :after'] : [];
      return repo
        .createQueryBuilder('o')
        .where(`o.id IN (${lateralPage(repo.metadata.tablePath, 'transit_centre_id', 't.code', conditions)})`, { parentIds: centreIds, limit, after: after && String(after[0]) })
        .orderBy('o.code')
        .getMany();
    },
    parentOf: (row) => row.transitCentreId as string,
    sortKey: (row) => [row.code],
    sortKeyLength: 1,
  });
  return { outlet, outletsOfTransitCentre };
}
