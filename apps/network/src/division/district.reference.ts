import { referenceResolver } from '../common/reference';
import { toDistrict } from './district.type';

/** District references (tracking adds surcharges and transit times to them): register data, any network reader. */
export const districtReference = referenceResolver((ctx, code) => ctx.loaders.district.load(code), toDistrict, 'code');
