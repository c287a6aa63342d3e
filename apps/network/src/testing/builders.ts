import type { DataSource } from 'typeorm';
import { formatCourierCode, formatOutletCode, formatTransitCentreCode, type ContactRole, type Landmark, type OutletKind } from '@courierdesk/domain-network';
import { newId } from '../common/ids';
import { ContactEntity } from '../contact/contact.entity';
import { CourierEntity } from '../courier/courier.entity';
import { AreaAssignmentEntity } from '../delivery-area/area-assignment.entity';
import { DeliveryAreaEntity } from '../delivery-area/delivery-area.entity';
import { DivisionService } from '../division/division.service';
import { OutletEntity } from '../outlet/outlet.entity';
import { TransitCentreEntity } from '../transit-centre/transit-centre.entity';

// Builders write rows straight through TypeORM: each test file makes the rows it needs on its
// own database, with codes made unique by per-file sequences.
let seq = 0;
const next = (): number => ++seq;
const sequences = new Map<string, number>();
const nextIn = (scope: string): number => {
  const n = (sequences.get(scope) ?? 0) + 1;
  sequences.set(scope, n);
  return n;
};

/** A mainland mobile number unique within the file: 1380013xxxx. */
export const mobileNo = (n = next()): string => `1380013${String(n).padStart(4, '0')}`;

export async function buildTransitCentre(ds: DataSource, over: Partial<TransitCentreEntity> = {}): Promise<TransitCentreEntity> {
  const districtCode = over.districtCode ?? '440306';
  const cityCode = districtCode.slice(0, 4);
  const row = ds.getRepository(TransitCentreEntity).create({
    id: newId(),
    code: formatTransitCentreCode(cityCode, nextIn(`tc-${cityCode}`)),
    name: `深圳宝安分拨中心${next()}`,
    provinceCode: districtCode.slice(0, 2),
    cityCode,
    districtCode,
    address: '宝安区福永街道物流园',
    ...over,
  });
  await ds.getRepository(TransitCentreEntity).insert(row);
  return row;
}

export async function buildOutlet(
  ds: DataSource,
  over: Partial<Omit<OutletEntity, 'kind'>> & { kind?: OutletKind } = {},
): Promise<OutletEntity> {
  const region = await new DivisionService(ds).district(over.districtCode ?? '440305');
  const n = next();
  const row = ds.getRepository(OutletEntity).create({
    id: newId(),
    code: formatOutletCode(region.districtCode, nextIn(region.districtCode)),
    name: `${region.districtName}第${n}网点`,
    kind: 'FRANCHISE',
    ...region,
    address: `${region.districtName}科技园路${n}号`,
    phone: `0755-2660${String(n).padStart(4, '0')}`,
    managerName: `经理${n}`,
    managerPhone: mobileNo(5000 + n),
    transitCentreId: null,
    ...over,
  });
  await ds.getRepository(OutletEntity).insert(row);
  return row;
}

export async function buildCourier(ds: DataSource, outlet: OutletEntity, over: Partial<CourierEntity> = {}): Promise<CourierEntity> {
  const n = next();
  const row = ds.getRepository(CourierEntity).create({
    id: newId(),
    code: formatCourierCode(outlet.code, nextIn(outlet.code)),
    employeeNo: String(10_000_000 + n),
    name: `快递员${n}`,
    phone: mobileNo(n),
    outletId: outlet.id,
    active: true,
    ...over,
  });
  await ds.getRepository(CourierEntity).insert(row);
  return row;
}

/** An area on a street of the register (default 粤海街道, 南山区), covered by `courier` since `since` if given. */
export async function buildArea(
  ds: DataSource,
  outlet: OutletEntity,
  opts: { streetCode?: string; name?: string; landmarks?: Landmark[]; courier?: CourierEntity; since?: Date } = {},
): Promise<DeliveryAreaEntity> {
  const streetCode = opts.streetCode ?? '440305007';
  const street = await new DivisionService(ds).street(streetCode);
  const row = ds.getRepository(DeliveryAreaEntity).create({
    id: newId(),
    outletId: outlet.id,
    districtCode: streetCode.slice(0, 6),
    streetCode,
    streetName: street?.streetName ?? '未知街道',
    name: opts.name ?? `片区${next()}`,
    landmarks: opts.landmarks ?? [],
  });
  await ds.getRepository(DeliveryAreaEntity).insert(row);
  if (opts.courier) {
    await ds.getRepository(AreaAssignmentEntity).insert({
      id: newId(),
      areaId: row.id,
      courierId: opts.courier.id,
      startsAt: opts.since ?? new Date(Date.now() - 30 * 86_400_000),
      endsAt: null,
    });
  }
  return row;
}

export async function buildContact(
  ds: DataSource,
  role: Exclude<ContactRole, 'COURIER'>,
  owner: { outlet?: OutletEntity; transitCentre?: TransitCentreEntity } = {},
  over: Partial<ContactEntity> = {},
): Promise<ContactEntity> {
  const n = next();
  const row = ds.getRepository(ContactEntity).create({
    id: newId(),
    role,
    name: `${role}联系人${n}`,
    phone: mobileNo(n),
    outletId: owner.outlet?.id ?? null,
    transitCentreId: owner.transitCentre?.id ?? null,
    position: 0,
    ...over,
  });
  await ds.getRepository(ContactEntity).insert(row);
  return row;
}
