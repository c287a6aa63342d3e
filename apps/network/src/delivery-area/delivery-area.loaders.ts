import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Identity } from '@courierdesk/platform-auth';
import { groupedLoader, keyedLoader } from '@courierdesk/platform-subgraph';
import { uuidKeys } from '../common/ids';
import { outletScope, visibleOutletKeys } from '../common/visibility';
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

/** Per-request loaders of delivery areas and their history; private to their outlet like couriers. */
export function deliveryAreaLoaders(ds: DataSource, identity: Identity) {
  const deliveryArea = keyedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    if (!ids.length) return [];
    const scope = outletScope(identity);
    const qb = selectAreas(ds).where('area.id IN (:...ids)', { ids });
    return (scope.outletId ? qb.andWhere('area.outletId = :outletId', scope) : qb).getMany();
  }, (row) => row.id);
  const areasOfOutlet = groupedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const outletIds = visibleOutletKeys(identity, keys);
    if (!outletIds.length) return [];
    return selectAreas(ds).where('area.outletId IN (:...outletIds)', { outletIds }).orderBy('area.name').addOrderBy('area.id').getMany();
  }, (row) => row.outletId);
  const areasOfCourier = groupedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const courierIds = uuidKeys(keys);
    if (!courierIds.length) return [];
    const scope = outletScope(identity);
    const qb = selectAreas(ds, 'inner').where('cur.courierId IN (:...courierIds)', { courierIds });
    return (scope.outletId ? qb.andWhere('area.outletId = :outletId', scope) : qb).orderBy('area.name').addOrderBy('area.id').getMany();
  }, (row) => row.current?.courierId as string);
  const assignmentsOfArea = groupedLoader<string, AreaAssignmentEntity>(async (keys) => {
    const areaIds = uuidKeys(keys);
    if (!areaIds.length) return [];
    // Callers reach history only through an area they may see, so no outlet filter is needed here.
    return ds.getRepository(AreaAssignmentEntity).find({ where: { areaId: In(areaIds) }, order: { startsAt: 'DESC' } });
  }, (row) => row.areaId);
  return { deliveryArea, areasOfOutlet, areasOfCourier, assignmentsOfArea };
}
