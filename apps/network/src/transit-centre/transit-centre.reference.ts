import { referenceResolver } from '../common/reference';
import { toTransitCentre } from './transit-centre.type';

/** Transit centre references (scan locations in tracking): directory data. */
export const transitCentreReference = referenceResolver((ctx, id) => ctx.loaders.transitCentre.load(id), toTransitCentre);
