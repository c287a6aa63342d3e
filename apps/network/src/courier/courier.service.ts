import { IsNull, type DataSource } from 'typeorm';
import { normalizeName, COURIER_NAME_MAX_LENGTH, validateCourierInput, parsePhone, NetworkRuleError } from '@courierdesk/domain-network';
import { assertOutletAccess, type Identity } from '@courierdesk/platform-auth';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page, type PageArgs } from '@courierdesk/platform-subgraph';
import { withTransaction } from '@courierdesk/platform-db';
import { staleVersion, translateDbError } from '../common/db-errors';
import { found, isUuid, newId } from '../common/ids';
import { subgraphError } from '../common/subgraph.errors';
import { AreaAssignmentEntity } from '../delivery-area/area-assignment.entity';
import { OutletEntity } from '../outlet/outlet.entity';
import { CourierEntity } from './courier.entity';
import type { CreateCourierInput, UpdateCourierInput } from './courier.input';

function mobile(raw: string): string {
  const phone = parsePhone(raw);
  if (phone.kind !== 'MOBILE') {
    throw new NetworkRuleError('COURIER_PHONE_NOT_MOBILE', `courier phone ${phone.normalized} is not a mobile number`, { phone: phone.normalized });
  }
  return phone.normalized;
}

/** The courier directory (业务员): list, hire, change, deactivate. */
export class CourierService {
  constructor(private readonly ds: DataSource) {}

  private async outlet(id: string): Promise<OutletEntity> {
    return found(isUuid(id) ? await this.ds.getRepository(OutletEntity).findOneBy({ id }) : null, 'OUTLET_NOT_FOUND', 'outlet', id);
  }

  /** One page of an outlet's couriers in code order (directory data: any outlet's, for any network reader). */
  async ofOutlet(outletId: string, page: PageArgs, includeInactive: boolean): Promise<Page<CourierEntity>> {
    const size = pageSize(page.first);
    const outlet = await this.outlet(outletId);
    const qb = this.ds.getRepository(CourierEntity).createQueryBuilder('c').where('c.outletId = :outletId', { outletId: outlet.id }).orderBy('c.code', 'ASC').limit(size + 1);
    if (!includeInactive) qb.andWhere('c.active');
    if (page.after) qb.andWhere('c.code > :after', { after: String(decodeCursor(page.after, 1)[0]) });
    return toPage(await qb.getMany(), size, page.after, (row) => encodeCursor([row.code]), (row) => row);
  }

  /** Adds a courier to an outlet; the code must carry the outlet's code (440305-001-007 ⊂ 440305-001). */
  async create(identity: Identity, input: CreateCourierInput): Promise<CourierEntity> {
    const outlet = await this.outlet(input.outletId);
    assertOutletAccess(identity, outlet.id);
    const valid = validateCourierInput({ ...input, outletCode: outlet.code });
    const repo = this.ds.getRepository(CourierEntity);
    const row = repo.create({ id: newId(), code: valid.code, employeeNo: valid.employeeNo, name: valid.name, phone: valid.phone, outletId: outlet.id, active: true });
    await repo.insert(row).catch(translateDbError);
    return found(await repo.findOneBy({ id: row.id }), 'COURIER_NOT_FOUND', 'courier', row.id);
  }

  /**
   * Changes a courier if `version` is current. Deactivating one who still covers areas is refused
   * (COURIER_STILL_ASSIGNED): hand the areas over first, or parcels there would have nobody.
   */
  async update(identity: Identity, input: UpdateCourierInput): Promise<CourierEntity> {
    return withTransaction(this.ds, async (em) => {
      const repo = em.getRepository(CourierEntity);
      // FOR UPDATE: a concurrent handover to this courier takes FOR SHARE and waits for us.
      const current = found(
        isUuid(input.id) ? await repo.createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id: input.id }).getOne() : null,
        'COURIER_NOT_FOUND',
        'courier',
        input.id,
      );
      assertOutletAccess(identity, current.outletId);
      if (current.version !== input.version) throw staleVersion('courier');
      const patch: Partial<CourierEntity> = {
        name: input.name == null ? current.name : normalizeName(input.name, COURIER_NAME_MAX_LENGTH, 'courier name'),
        phone: input.phone == null ? current.phone : mobile(input.phone),
        active: input.active ?? current.active,
      };
      if (current.active && patch.active === false) {
        const covering = await em.getRepository(AreaAssignmentEntity).countBy({ courierId: current.id, endsAt: IsNull() });
        if (covering > 0) throw subgraphError('COURIER_STILL_ASSIGNED', 'Hand this courier’s delivery areas over before deactivating them');
      }
      await repo.update({ id: current.id }, { ...patch, version: current.version + 1, updatedAt: new Date() });
      return found(await repo.findOneBy({ id: current.id }), 'COURIER_NOT_FOUND', 'courier', current.id);
    });
  }
}
