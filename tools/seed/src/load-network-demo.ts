import type { DataSource, EntityManager } from 'typeorm';
import { loadDivisions } from './china-divisions';
import type { NetworkDemo } from './network-demo.types';

/** Rows written per table by {@link loadNetworkDemo}. */
export interface NetworkLoadCounts {
  transitCentres: number;
  outlets: number;
  couriers: number;
  deliveryAreas: number;
  assignments: number;
  contacts: number;
}

// Municipalities are listed as 市辖区 in the register; agents call the city by the province's name.
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function regionNames(): (districtCode: string) => { province: string; city: string; district: string } {
  const divisions = loadDivisions();
  const provinces = new Map(divisions.provinces.map((p) => [p.code, p.name]));
  const cities = new Map([...divisions.citiesByProvince.values()].flat().map((c) => [c.code, c.name]));
  const districts = new Map([...divisions.districtsByCity.values()].flat().map((d) => [d.code, d.name]));
  return (code) => {
    const province = provinces.get(code.slice(0, 2)) ?? code.slice(0, 2);
    const city = cities.get(code.slice(0, 4)) ?? province;
    return { province, city: PLACEHOLDER_CITY.test(city) ? province : city, district: districts.get(code) ?? code };
  };
}

/** One INSERT per table: columns as parallel arrays through unnest, so 40 000 rows are one statement. */
async function insertColumns(m: EntityManager, table: string, columns: Record<string, { type: string; values: unknown[] }>): Promise<number> {
  const names = Object.keys(columns);
  const count = columns[names[0]].values.length;
  if (count === 0) return 0;
  const params = names.map((n) => columns[n].values);
  const unnest = names.map((n, i) => `$${i + 1}::${columns[n].type}[]`).join(', ');
  await m.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`, params);
  return count;
}

const col = <T>(rows: readonly T[], type: string, pick: (row: T) => unknown) => ({ type, values: rows.map(pick) });

/**
 * Writes a generated demo network into the network subgraph's tables (schema `network`), in
 * one transaction: either the whole directory is there or none of it.
 */
export async function loadNetworkDemo(ds: DataSource, demo: NetworkDemo, schema = 'network'): Promise<NetworkLoadCounts> {
  const names = regionNames();
  const t = (table: string) => `"${schema}".${table}`;
  return ds.transaction(async (m) => {
    const transitCentres = await insertColumns(m, t('transit_centre'), {
      id: col(demo.transitCentres, 'uuid', (r) => r.id),
      code: col(demo.transitCentres, 'text', (r) => r.code),
      name: col(demo.transitCentres, 'text', (r) => r.name),
      province_code: col(demo.transitCentres, 'text', (r) => r.provinceCode),
      city_code: col(demo.transitCentres, 'text', (r) => r.cityCode),
      district_code: col(demo.transitCentres, 'text', (r) => r.districtCode),
      address: col(demo.transitCentres, 'text', (r) => r.address),
    });
    const manager = (o: NetworkDemo['outlets'][number]) => o.contacts.find((c) => c.role === 'OUTLET_MANAGER');
    const outlets = await insertColumns(m, t('outlet'), {
      id: col(demo.outlets, 'uuid', (r) => r.id),
      code: col(demo.outlets, 'text', (r) => r.code),
      name: col(demo.outlets, 'text', (r) => r.name),
      kind: col(demo.outlets, 'text', (r) => r.kind),
      province_code: col(demo.outlets, 'text', (r) => r.provinceCode),
      city_code: col(demo.outlets, 'text', (r) => r.cityCode),
      district_code: col(demo.outlets, 'text', (r) => r.districtCode),
      province_name: col(demo.outlets, 'text', (r) => names(r.districtCode).province),
      city_name: col(demo.outlets, 'text', (r) => names(r.districtCode).city),
      district_name: col(demo.outlets, 'text', (r) => names(r.districtCode).district),
      address: col(demo.outlets, 'text', (r) => r.address),
      phone: col(demo.outlets, 'text', (r) => r.phone),
      manager_name: col(demo.outlets, 'text', (r) => r.managerName),
      manager_phone: col(demo.outlets, 'text', (r) => manager(r)?.phone ?? null),
      transit_centre_id: col(demo.outlets, 'uuid', (r) => r.transitCentreId),
    });
    const couriers = await insertColumns(m, t('courier'), {
      id: col(demo.couriers, 'uuid', (r) => r.id),
      code: col(demo.couriers, 'text', (r) => r.code),
      employee_no: col(demo.couriers, 'text', (r) => r.employeeNo),
      name: col(demo.couriers, 'text', (r) => r.name),
      phone: col(demo.couriers, 'text', (r) => r.phone),
      outlet_id: col(demo.couriers, 'uuid', (r) => r.outletId),
    });
    const deliveryAreas = await insertColumns(m, t('delivery_area'), {
      id: col(demo.deliveryAreas, 'uuid', (r) => r.id),
      outlet_id: col(demo.deliveryAreas, 'uuid', (r) => r.outletId),
      district_code: col(demo.deliveryAreas, 'text', (r) => r.districtCode),
      street_code: col(demo.deliveryAreas, 'text', (r) => r.streetCode),
      street_name: col(demo.deliveryAreas, 'text', (r) => r.streetName),
      name: col(demo.deliveryAreas, 'text', (r) => r.name),
      landmarks: col(demo.deliveryAreas, 'jsonb', (r) => JSON.stringify(r.landmarks)),
    });
    const assignmentRows = demo.deliveryAreas.flatMap((a) => a.assignments);
    const assignments = await insertColumns(m, t('area_assignment'), {
      area_id: col(assignmentRows, 'uuid', (r) => r.areaId),
      courier_id: col(assignmentRows, 'uuid', (r) => r.courierId),
      starts_at: col(assignmentRows, 'timestamptz', (r) => r.startsAt),
      ends_at: col(assignmentRows, 'timestamptz', (r) => r.endsAt),
    });
    const contactRows = [
      ...demo.headquarters.contacts.map((c, i) => ({ ...c, outletId: null, transitCentreId: null, position: i })),
      ...demo.transitCentres.flatMap((tc) => tc.contacts.map((c, i) => ({ ...c, outletId: null, transitCentreId: tc.id, position: i }))),
      ...demo.outlets.flatMap((o) => o.contacts.map((c, i) => ({ ...c, outletId: o.id, transitCentreId: null, position: i }))),
    ];
    const contacts = await insertColumns(m, t('contact'), {
      role: col(contactRows, 'text', (r) => r.role),
      name: col(contactRows, 'text', (r) => r.name),
      phone: col(contactRows, 'text', (r) => r.phone),
      outlet_id: col(contactRows, 'uuid', (r) => r.outletId),
      transit_centre_id: col(contactRows, 'uuid', (r) => r.transitCentreId),
      position: col(contactRows, 'int', (r) => r.position),
    });
    return { transitCentres, outlets, couriers, deliveryAreas, assignments, contacts };
  });
}

/** True when the network directory has no outlets yet (first start). */
export async function networkIsEmpty(ds: DataSource, schema = 'network'): Promise<boolean> {
  const [row] = (await ds.query(`SELECT NOT EXISTS (SELECT 1 FROM "${schema}".outlet) AS empty`)) as { empty: boolean }[];
  return row.empty;
}
