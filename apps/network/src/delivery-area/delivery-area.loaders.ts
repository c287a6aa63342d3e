import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { groupedLoader, keyedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { AreaAssignmentEntity } from './area-assignment.entity';
import { DeliveryAreaEntity } from './delivery-area.entity';

/** Areas with their open assignment joined in (one statement; `area.current` is null when uncovered). */
export function selectAreas(ds: DataSource | EntityManager, join: 'left' | 'inner' = 'left'): SelectQueryBuilder<DeliveryAreaEntity> {
  const qb = ds.getRepository(DeliveryAreaEntity).createQueryBuilder('area');
  const on = 'cur.areaId = area.id AND cur.endsAt IS NULL';
  return join === 'left'
    ? qb.leftJoinAndMapOne('area.current', AreaAssignmentEntity, 'cur', on)
    : qb.innerJoinAndMapOne('area.current', AreaAssignmentEntity, 'cur', on);
}

/**
 * Per-request loaders of delivery areas and their history: directory data like couriers (see
 * common/access.ts), so every network reader loads any outlet's; phones are masked per field.
 */
export function deliveryAreaLoaders(ds: DataSource) {
  const deliveryArea = keyedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? selectAreas(ds).where('area.id IN (:...ids)', { ids }).getMany() : [];
  }, (row) => row.id);
  const areasOfOutlet = groupedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const outletIds = uuidKeys(keys);
    if (!outletIds.length) return [];
    return selectAreas(ds).where('area.outletId IN (:...outletIds)', { outletIds }).orderBy('area.name').addOrderBy('area.id').getMany();
  }, (row) => row.outletId);
  const areasOfCourier = groupedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const courierIds = uuidKeys(keys);
    if (!courierIds.length) return [];
    return selectAreas(ds, 'inner').where('cur.courierId IN (:...courierIds)', { courierIds }).orderBy('area.name').addOrderBy('area.id').getMany();
  }, (row) => row.current?.courierId as string);
  const assignmentsOfArea = groupedLoader<string, AreaAssignmentEntity>(async (keys) => {
    const areaIds = uuidKeys(keys);
    if (!areaIds.length) return [];
    // Who covered an area when is directory data too; its couriers' phones are masked per field.
    return ds.getRepository(AreaAssignmentEntity).find({ where: { areaId: In(areaIds) }, order: { startsAt: 'DESC' } });
  }, (row) => row.areaId);
  return { deliveryArea, areasOfOutlet, areasOfCourier, assignmentsOfArea };
}
