import type { DataSource } from 'typeorm';
import { isCityCode, NetworkRuleError, toHalfWidth } from '@courierdesk/domain-network';
import { MAX_TRANSIT_CENTRES_PER_CITY } from '../common/list-bounds';
import { TransitCentreEntity } from './transit-centre.entity';

/** Transit centres (分拨中心) by city. */
export class TransitCentreService {
  constructor(private readonly ds: DataSource) {}

  /** The centres of a city (`4403` or `440300`), in code order; at most the declared bound. */
  async ofCity(raw: string): Promise<TransitCentreEntity[]> {
    const clean = toHalfWidth(raw).trim();
    const cityCode = /^\d{4}00$/.test(clean) ? clean.slice(0, 4) : clean;
    if (!isCityCode(cityCode)) {
      throw new NetworkRuleError('INVALID_DISTRICT_CODE', `"${raw}" is not a city code`, { code: raw });
    }
    return this.ds.getRepository(TransitCentreEntity).find({ where: { cityCode }, order: { code: 'ASC' }, take: MAX_TRANSIT_CENTRES_PER_CITY });
  }
}
