import type { DataSource } from 'typeorm';
import { matchAreas, parseDistrictCode } from '@courierdesk/domain-network';
import { subgraphError } from '../common/subgraph.errors';
import { SEARCH_TEXT_MAX_LENGTH } from '../outlet/outlet.filter';
import { toAreaMatch, type AreaMatch } from './area-match.type';
import { selectAreas } from './delivery-area.loaders';

/** Most answers one search returns. */
export const MAX_AREA_MATCHES = 50;

/**
 * "Who delivers here" (查派送范围): loads the areas of one district (one indexed query) and lets
 * the domain's matcher rank them by street, area name and landmark. Any network reader, partners
 * included, learns the area, its outlet and its courier — a partner forwarding a problem parcel
 * must find who delivers a street of another outlet; the courier's phone is masked by the field
 * resolver outside the caller's outlet (see common/access.ts).
 */
export class WhoDeliversHereService {
  constructor(private readonly ds: DataSource) {}

  async search(districtCode: string, text: string, limit: number): Promise<AreaMatch[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AREA_MATCHES) {
      throw subgraphError('INVALID_LIMIT', `limit must be between 1 and ${MAX_AREA_MATCHES}`);
    }
    if ([...text].length > SEARCH_TEXT_MAX_LENGTH) {
      throw subgraphError('SEARCH_TEXT_TOO_LONG', `Search text is limited to ${SEARCH_TEXT_MAX_LENGTH} characters`);
    }
    const district = parseDistrictCode(districtCode).code;
    const candidates = await selectAreas(this.ds).where('area.districtCode = :district', { district }).getMany();
    return matchAreas({ districtCode: district, text }, candidates, { limit }).map(toAreaMatch);
  }
}
