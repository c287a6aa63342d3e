import { type DataSource, type EntityManager } from 'typeorm';
import { assertAssignable, handoverTime, planHandoverOrThrow, type Assignee } from '@courierdesk/domain-network';
import { assertOutletAccess, type Identity } from '@courierdesk/platform-auth';
import { withTransaction } from '@courierdesk/platform-db';
import { translateDbError } from '../common/db-errors';
import { newId } from '../common/ids';
import type { CourierEntity } from '../courier/courier.entity';
import { AreaAssignmentEntity } from './area-assignment.entity';
import { lockAssignee, lockCourier, reserveAssignee } from './courier-lock';
import type { HandOverCourierAreasInput, HandOverDeliveryAreaInput } from './delivery-area.input';
import type { DeliveryAreaEntity } from './delivery-area.entity';
import { DeliveryAreaService, lockArea, reloadArea } from './delivery-area.service';
import { selectAreas } from './delivery-area.loaders';

/**
 * Handovers of delivery areas (交接承包区). The domain plans each step (close the current
 * assignment at `at`, open the new one at `at`); this service locks, writes and commits or rolls
 * back as one unit. History is never rewritten: closed steps stay as they were.
 */
export class HandoverService {
  constructor(private readonly ds: DataSource) {}

  /** Hands one area to `toCourierId` (or gives an uncovered area its first courier). */
  async handOverArea(identity: Identity, input: HandOverDeliveryAreaInput, now = new Date()): Promise<DeliveryAreaEntity> {
    const at = handoverTime(input.effectiveAt, now);
    return withTransaction(this.ds, async (em) => {
      await reserveAssignee(em, input.toCourierId);
      const area = await lockArea(em, input.areaId);
      assertOutletAccess(identity, area.outletId);
      const toCourier = await lockAssignee(em, input.toCourierId);
      const current = await DeliveryAreaService.openAssignment(em, area.id);
      await this.step(em, area, current, toCourier, at, input.fromCourierId ?? current?.courierId ?? null);
      return reloadArea(em, area.id);
    });
  }

  /**
   * Hands every area a courier covers to another (离职交接), all or nothing: if one area cannot
   * be handed over, none is, and the error names the rule it broke.
   */
  async handOverCourierAreas(identity: Identity, input: HandOverCourierAreasInput, now = new Date()): Promise<DeliveryAreaEntity[]> {
    const at = handoverTime(input.effectiveAt, now);
    return withTransaction(this.ds, async (em) => {
      await reserveAssignee(em, input.toCourierId);
      const fromCourier = await lockCourier(em, input.fromCourierId);
      assertOutletAccess(identity, fromCourier.outletId);
      const toCourier = await lockAssignee(em, input.toCourierId);
      // Lock the areas (as single handovers do, so the two never deadlock), then read their
      // open assignments afresh: one handed away meanwhile fails the plan, and all rolls back.
      const locked = await selectAreas(em, 'inner')
        .setLock('pessimistic_write', undefined, ['area'])
        .where('cur.courierId = :courierId', { courierId: fromCourier.id })
        .orderBy('area.id', 'ASC')
        .getMany();
      if (locked.length === 0) return [];
      const areas = await selectAreas(em)
        .where('area.id IN (:...ids)', { ids: locked.map((area) => area.id) })
        .orderBy('cur.startsAt', 'ASC')
        .addOrderBy('area.id', 'ASC')
        .getMany();
      const covered = toCourier.coveredAreas ?? 0;
      for (const [i, area] of areas.entries()) {
        // Each step adds one area to what the new courier covers: all or none fit.
        await this.step(em, area, area.current ?? null, { ...toCourier, coveredAreas: covered + i }, at, fromCourier.id);
      }
      return Promise.all(areas.map((area) => reloadArea(em, area.id)));
    });
  }

  private async step(
    em: EntityManager,
    area: DeliveryAreaEntity,
    current: AreaAssignmentEntity | null,
    toCourier: CourierEntity & Assignee,
    at: Date,
    fromCourierId: string | null,
  ): Promise<void> {
    const assignments = em.getRepository(AreaAssignmentEntity);
    if (current === null && fromCourierId === null) {
      assertAssignable(toCourier, area.outletId);
      await assignments.insert({ id: newId(), areaId: area.id, courierId: toCourier.id, startsAt: at, endsAt: null }).catch(translateDbError);
      return;
    }
    const plan = planHandoverOrThrow({
      area: { id: area.id, outletId: area.outletId },
      fromCourierId: fromCourierId ?? '',
      toCourier: { id: toCourier.id, outletId: toCourier.outletId, active: toCourier.active, coveredAreas: toCourier.coveredAreas },
      at,
      currentAssignment: current && { areaId: current.areaId, courierId: current.courierId, startsAt: current.startsAt, endsAt: current.endsAt },
    });
    await assignments.update({ id: (current as AreaAssignmentEntity).id }, { endsAt: plan.close.endsAt });
    await assignments
      .insert({ id: newId(), areaId: area.id, courierId: plan.open.courierId, startsAt: plan.open.startsAt, endsAt: null })
      .catch(translateDbError);
  }
}
