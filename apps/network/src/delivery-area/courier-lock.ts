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

/**
 * The courier as an assignee: its row (locked as above) and how many areas it covers now. Two
 * assignments to one courier racing each other may both count the same number (FOR SHARE does
 * not serialise them), so the bound can be passed by one in a race; the directory still reads at
 * most MAX_AREAS_PER_COURIER.
 */
export async function lockAssignee(em: EntityManager, id: string): Promise<CourierEntity & Assignee> {
  const courier = await lockCourier(em, id);
  const [{ n }] = (await em.query('SELECT count(*)::int AS n FROM area_assignment WHERE courier_id = $1 AND ends_at IS NULL', [courier.id])) as { n: number }[];
  return Object.assign(courier, { coveredAreas: n });
}
