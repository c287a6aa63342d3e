import type { DataSource } from 'typeorm';
import { keyedLoader } from '@courierdesk/platform-subgraph';
import { DivisionService, type DistrictNames } from './division.service';

// Keys come from clients and other subgraphs: only six ASCII digits can name a district row.
const SIX_DIGITS = /^\d{6}$/;

/**
 * Per-request loader of districts (区县) of the register by six-digit code: one statement for every
 * district of a request level (names of the city and province joined in), null for misses.
 */
export function divisionLoaders(ds: DataSource) {
  const divisions = new DivisionService(ds);
  const district = keyedLoader<string, DistrictNames>(
    (keys) => divisions.districts(keys.filter((key) => typeof key === 'string' && SIX_DIGITS.test(key))).then((rows) => rows.filter((row): row is DistrictNames => row !== null)),
    (row) => row.districtCode,
  );
  return { district };
}
