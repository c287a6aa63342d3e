import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { assertAssignable, NetworkRuleError, parseStreetCode, validateDeliveryAreaInput, type Landmark } from '@courierdesk/domain-network';
import { assertOutletAccess, type Identity } from '@courierdesk/platform-auth';
import { withTransaction } from '@courierdesk/platform-db';
import { staleVersion, translateDbError } from '../common/db-errors';
import { found, isUuid, newId } from '../common/ids';
import type { DivisionService } from '../division/division.service';
import { OutletEntity } from '../outlet/outlet.entity';
import { AreaAssignmentEntity } from './area-assignment.entity';
import { lockAssignee, reserveAssignee } from './courier-lock';
import type { CreateDeliveryAreaInput, UpdateDeliveryAreaInput } from './delivery-area.input';
import { DeliveryAreaEntity } from './delivery-area.entity';
import { selectAreas } from './delivery-area.loaders';

/** Reloads an area with its open assignment, inside the caller's transaction. */
export async function reloadArea(em: EntityManager, id: string): Promise<DeliveryAreaEntity> {
  return found(await selectAreas(em).where('area.id = :id', { id }).getOne(), 'DELIVERY_AREA_NOT_FOUND', 'delivery area', id);
}

/** Locks an area row (FOR UPDATE) so that handovers and edits of one area run one after another. */
export async function lockArea(em: EntityManager, id: string): Promise<DeliveryAreaEntity> {
  const row = isUuid(id)
    ? await em.getRepository(DeliveryAreaEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne()
    : null;
  return found(row, 'DELIVERY_AREA_NOT_FOUND', 'delivery area', id);
}

/** Delivery areas (承包区): create and edit; handovers live in the handover service. */
export class DeliveryAreaService {
  constructor(
    private readonly ds: DataSource,
    private readonly divisions: DivisionService,
  ) {}

  /**
   * Adds an area to an outlet, and its first courier when given — one transaction, so an area
   * never exists half-made. The street must be well-formed and its district in the register; its
   * name defaults to the register's.
   */
  async create(identity: Identity, input: CreateDeliveryAreaInput): Promise<DeliveryAreaEntity> {
    const outlet = found(isUuid(input.outletId) ? await this.ds.getRepository(OutletEntity).findOneBy({ id: input.outletId }) : null, 'OUTLET_NOT_FOUND', 'outlet', input.outletId);
    assertOutletAccess(identity, outlet.id);
    const street = parseStreetCode(input.streetCode);
    await this.divisions.district(street.district);
    const streetName = input.streetName ?? (await this.divisions.street(street.code))?.streetName;
    if (!streetName) {
      throw new NetworkRuleError('INVALID_STREET_CODE', `street ${street.code} is not in the national register; give its name`, { code: street.code });
    }
    const valid = validateDeliveryAreaInput({ districtCode: street.district, streetCode: street.code, streetName, name: input.name, landmarks: input.landmarks ?? [] });
    return withTransaction(this.ds, async (em) => {
      const id = newId();
      await em.getRepository(DeliveryAreaEntity).insert({ id, outletId: outlet.id, ...valid, landmarks: valid.landmarks as Landmark[] });
      if (input.courierId) {
        await reserveAssignee(em, input.courierId);
        const courier = await lockAssignee(em, input.courierId);
        assertAssignable(courier, outlet.id);
        await em.getRepository(AreaAssignmentEntity).insert({ id: newId(), areaId: id, courierId: courier.id, startsAt: new Date(), endsAt: null }).catch(translateDbError);
      }
      return reloadArea(em, id);
    });
  }

  /** Renames an area or replaces its landmarks, if `version` is current. */
  async update(identity: Identity, input: UpdateDeliveryAreaInput): Promise<DeliveryAreaEntity> {
    return withTransaction(this.ds, async (em) => {
      const current = await lockArea(em, input.id);
      assertOutletAccess(identity, current.outletId);
      if (current.version !== input.version) throw staleVersion('delivery area');
      const valid = validateDeliveryAreaInput({
        districtCode: current.districtCode,
        streetCode: current.streetCode,
        streetName: input.streetName ?? current.streetName,
        name: input.name ?? current.name,
        landmarks: input.landmarks ?? current.landmarks,
      });
      await em.getRepository(DeliveryAreaEntity).update(
        { id: current.id },
        { streetName: valid.streetName, name: valid.name, landmarks: valid.landmarks as Landmark[], version: current.version + 1, updatedAt: new Date() },
      );
      return reloadArea(em, current.id);
    });
  }

  /** The open assignment of an area, if any. */
  static openAssignment(em: EntityManager, areaId: string): Promise<AreaAssignmentEntity | null> {
    return em.getRepository(AreaAssignmentEntity).findOneBy({ areaId, endsAt: IsNull() });
  }
}
