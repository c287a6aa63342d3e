import type { EntityManager } from 'typeorm';
import type { Assignee } from '@courierdesk/domain-network';
import { CourierEntity } from '../courier/courier.entity';
import { found, isUuid } from '../common/ids';

/**
 * Loads a courier FOR SHARE: a concurrent deactivation (FOR UPDATE) waits until this assignment
 * commits and then sees it, so no area is ever handed to a courier who has just left.
 */
export async function lockCourier(em: EntityManager, id: string): Promise<CourierEntity> {
  const row = isUuid(id)
    ? await em.getRepository(CourierEntity).createQueryBuilder('c').setLock('pessimistic_read').where('c.id = :id', { id }).getOne()
    : null;
  return found(row, 'COURIER_NOT_FOUND', 'courier', id);
}

/** The advisory-lock name that serialises everything adding areas to one courier. */
export const courierAreasLock = (courierId: string): string => `network.courier-areas:${courierId}`;

/**
 * Serialises, until the transaction ends, every change that adds areas to this courier: the
 * courier row is locked FOR SHARE only (deactivation waits, assignments don't), so without this
 * two assignments could both count 49 areas and end at 51. Taken first in each such transaction,
 * before any area is locked, so it never joins a lock cycle.
 */
export async function reserveAssignee(em: EntityManager, courierId: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [courierAreasLock(courierId)]);
}

/** The courier as an assignee (call reserveAssignee first): its row, locked as above, and how many areas it covers now. */
export async function lockAssignee(em: EntityManager, id: string): Promise<CourierEntity & Assignee> {
  const courier = await lockCourier(em, id);
  const [{ n }] = (await em.query('SELECT count(*)::int AS n FROM area_assignment WHERE courier_id = $1 AND ends_at IS NULL', [courier.id])) as { n: number }[];
  return Object.assign(courier, { coveredAreas: n });
}
