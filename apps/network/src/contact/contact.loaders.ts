import { In, type DataSource } from 'typeorm';
import type { Identity } from '@courierdesk/platform-auth';
import { groupedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { visibleOutletKeys } from '../common/visibility';
import { ContactEntity } from './contact.entity';

/** Per-request contact loaders: outlet desks are private to their outlet; hub desks are published to all. */
export function contactLoaders(ds: DataSource, identity: Identity) {
  const repo = ds.getRepository(ContactEntity);
  const order = { role: 'ASC', position: 'ASC', id: 'ASC' } as const;
  return {
    contactsOfOutlet: groupedLoader<string, ContactEntity>(async (keys) => {
      const outletIds = visibleOutletKeys(identity, keys);
      return outletIds.length ? repo.find({ where: { outletId: In(outletIds) }, order }) : [];
    }, (row) => row.outletId as string),
    contactsOfTransitCentre: groupedLoader<string, ContactEntity>(async (keys) => {
      const ids = uuidKeys(keys);
      return ids.length ? repo.find({ where: { transitCentreId: In(ids) }, order }) : [];
    }, (row) => row.transitCentreId as string),
  };
}
