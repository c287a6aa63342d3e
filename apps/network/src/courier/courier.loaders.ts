import { In, type DataSource } from 'typeorm';
import { groupedLoader, keyedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { CourierEntity } from './courier.entity';

/**
 * Per-request courier loaders. Couriers are directory data (common/access.ts): every network
 * reader loads any outlet's; their phone numbers are masked field by field, never here.
 */
export function courierLoaders(ds: DataSource) {
  const repo = ds.getRepository(CourierEntity);
  const courier = keyedLoader<string, CourierEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? repo.findBy({ id: In(ids) }) : [];
  }, (row) => row.id);
  const couriersOfOutlet = groupedLoader<string, CourierEntity>(async (keys) => {
    const outletIds = uuidKeys(keys);
    if (!outletIds.length) return [];
    return repo.find({ where: { outletId: In(outletIds) }, order: { code: 'ASC' } });
  }, (row) => row.outletId);
  return { courier, couriersOfOutlet };
}
