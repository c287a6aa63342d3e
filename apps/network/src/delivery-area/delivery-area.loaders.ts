import { type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { BY_UUID, groupedLoader, keyedLoader } from '@courierdesk/platform-subgraph';
import { childPagesLoader, lateralPage, type ChildPageKey } from '../common/child-pages';
import { isUuid, uuidKeys } from '../common/ids';
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

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Per-request loaders of delivery areas and their history: directory data like couriers (see
 * common/access.ts), so every network reader loads any outlet's; phones are masked per field.
 */
export function deliveryAreaLoaders(ds: DataSource) {
  const areaTable = ds.getRepository(DeliveryAreaEntity).metadata.tablePath;
  const assignments = ds.getRepository(AreaAssignmentEntity);
  const deliveryArea = keyedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const ids = uuidKeys(keys);
    return ids.length ? selectAreas(ds).where('area.id IN (:...ids)', { ids }).getMany() : [];
  }, (row) => row.id, BY_UUID);
  // An outlet's areas grow with its couriers: a page each, by name (id breaks ties).
  const areasOfOutlet = childPagesLoader<ChildPageKey, DeliveryAreaEntity>({
    fetch: (parentIds, limit, after) => {
      const outletIds = uuidKeys(parentIds);
      if (!outletIds.length) return Promise.resolve([]);
      const conditions = after ? ['(t.name, t.id) > (CAST(:afterName AS text), CAST(:afterId AS uuid))'] : [];
      return selectAreas(ds)
        .where(`area.id IN (${lateralPage(areaTable, 'outlet_id', 't.name, t.id', conditions)})`, { parentIds: outletIds, limit, afterName: after?.[0], afterId: after?.[1] })
        .orderBy('area.name')
        .addOrderBy('area.id')
        .getMany();
    },
    parentOf: (row) => row.outletId,
    sortKey: (row) => [row.name, row.id],
    sortKeyLength: 2,
    validAfter: ([name, id]) => typeof name === 'string' && isUuid(id),
  });
  const areasOfCourier = groupedLoader<string, DeliveryAreaEntity>(async (keys) => {
    const courierIds = uuidKeys(keys);
    if (!courierIds.length) return [];
    return selectAreas(ds, 'inner').where('cur.courierId IN (:...courierIds)', { courierIds }).orderBy('area.name').addOrderBy('area.id').getMany();
  }, (row) => row.current?.courierId as string);
  // An area's history grows by a step per handover, for as long as the area exists: newest first.
  // Who covered an area when is directory data too; its couriers' phones are masked per field.
  const assignmentsOfArea = childPagesLoader<ChildPageKey, AreaAssignmentEntity>({
    fetch: (parentIds, limit, after) => {
      const areaIds = uuidKeys(parentIds);
      if (!areaIds.length) return Promise.resolve([]);
      const conditions = after ? ['(t.starts_at, t.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))'] : [];
      return assignments
        .createQueryBuilder('a')
        .where(`a.id IN (${lateralPage(assignments.metadata.tablePath, 'area_id', 't.starts_at DESC, t.id DESC', conditions)})`, {
          parentIds: areaIds,
          limit,
          afterAt: after?.[0],
          afterId: after?.[1],
        })
        .orderBy('a.startsAt', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .getMany();
    },
    parentOf: (row) => row.areaId,
    sortKey: (row) => [row.startsAt.toISOString(), row.id],
    sortKeyLength: 2,
    validAfter: ([at, id]) => isTime(at) && isUuid(id),
  });
  return { deliveryArea, areasOfOutlet, areasOfCourier, assignmentsOfArea };
}
