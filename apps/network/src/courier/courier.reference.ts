import { referenceResolver } from '../common/reference';
import { toCourier } from './courier.type';

/** Courier references (tickets' problem parcels, scans): directory data, phone masked outside the caller's outlet. */
export const courierReference = referenceResolver((ctx, id) => ctx.loaders.courier.load(id), toCourier);
