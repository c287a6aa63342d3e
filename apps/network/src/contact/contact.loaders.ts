import { In, type DataSource } from 'typeorm';
import { BY_UUID, groupedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { ContactEntity } from './contact.entity';

/**
 * Per-request contact loaders. Every outlet's desks are directory data (which roles it staffs);
 * the people behind them are masked by the personal-data policy on the fields (common/access.ts).
 */
export function contactLoaders(ds: DataSource) {
  const repo = ds.getRepository(ContactEntity);
  const order = { role: 'ASC', position: 'ASC', id: 'ASC' } as const;
  return {
    contactsOfOutlet: groupedLoader<string, ContactEntity>(async (keys) => {
      const outletIds = uuidKeys(keys);
      return outletIds.length ? repo.find({ where: { outletId: In(outletIds) }, order }) : [];
    }, (row) => row.outletId as string, BY_UUID),
    contactsOfTransitCentre: groupedLoader<string, ContactEntity>(async (keys) => {
      const ids = uuidKeys(keys);
      return ids.length ? repo.find({ where: { transitCentreId: In(ids) }, order }) : [];
    }, (row) => row.transitCentreId as string, BY_UUID),
  };
}
