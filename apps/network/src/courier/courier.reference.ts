import { referenceResolver } from '../common/reference';
import { toCourier } from './courier.type';

/** Courier references (tickets' problem parcels, scans): directory data; name and phone by the personal-data policy, as on every path. */
export const courierReference = referenceResolver((ctx, id) => ctx.loaders.courier.load(id), toCourier);
