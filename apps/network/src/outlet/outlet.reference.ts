import { referenceResolver } from '../common/reference';
import { toOutlet } from './outlet.type';

/** Outlet references from other subgraphs (tickets, claims, tracking): directory data, so any reader gets them. */
export const outletReference = referenceResolver((ctx, id) => ctx.loaders.outlet.load(id), toOutlet);
