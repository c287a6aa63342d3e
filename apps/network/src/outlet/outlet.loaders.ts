import { In, type DataSource } from 'typeorm';
import { groupedLoader, keyedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { OutletEntity } from './outlet.entity';

/** Per-request loaders of outlets (directory data: every network reader sees every outlet). */
export function outletLoaders(ds: DataSource) {
  const repo = ds.getRepository(OutletEntity);
  const outlet = keyedLoader<string, OutletEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? repo.findBy({ id: In(ids) }) : [];
  }, (row) => row.id);
  const outletsOfTransitCentre = groupedLoader<string, OutletEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    if (!ids.length) return [];
    return repo.find({ where: { transitCentreId: In(ids) }, order: { code: 'ASC' } });
  }, (row) => row.transitCentreId as string);
  return { outlet, outletsOfTransitCentre };
}
