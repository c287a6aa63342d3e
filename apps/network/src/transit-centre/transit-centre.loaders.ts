import { In, type DataSource } from 'typeorm';
import { BY_UUID, keyedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { TransitCentreEntity } from './transit-centre.entity';

/** Per-request loaders of transit centres (directory data: no outlet restriction). */
export function transitCentreLoaders(ds: DataSource) {
  const repo = ds.getRepository(TransitCentreEntity);
  return {
    transitCentre: keyedLoader<string, TransitCentreEntity>(async (keys) => {
      const ids = uuidKeys(keys);
      return ids.length ? repo.findBy({ id: In(ids) }) : [];
    }, (row) => row.id, BY_UUID),
  };
}
