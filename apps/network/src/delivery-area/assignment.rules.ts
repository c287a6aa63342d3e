import type { EntityManager } from 'typeorm';
import { NetworkRuleError } from '@courierdesk/domain-network';
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

/** The rules for an area's first courier (the same codes a handover uses): same outlet, still active. */
export function assertAssignable(courier: CourierEntity, areaOutletId: string): void {
  if (courier.outletId !== areaOutletId) {
    throw new NetworkRuleError('COURIER_OUTLET_MISMATCH', `courier ${courier.id} works for another outlet than the area's`, {
      courierId: courier.id,
    });
  }
  if (!courier.active) throw new NetworkRuleError('COURIER_INACTIVE', `courier ${courier.id} is not active`, { courierId: courier.id });
}
