import type { EntityManager } from 'typeorm';
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
