import type { DataSource } from 'typeorm';
import { escalationChain, type ContactRole, type EscalationTopic } from '@courierdesk/domain-network';
import { assertOutletAccess, type Identity } from '@courierdesk/platform-auth';
import { subgraphError } from '../common/subgraph.errors';
import { found, isUuid } from '../common/ids';
import { CourierEntity } from '../courier/courier.entity';
import { selectAreas } from '../delivery-area/delivery-area.loaders';
import { OutletEntity } from '../outlet/outlet.entity';
import { ContactEntity } from './contact.entity';
import { EscalationChain, EscalationStep, toContact } from './contact.type';

interface Candidate {
  role: ContactRole;
  step: Omit<EscalationStep, 'position'>;
}

/**
 * Escalation chains (升级链): whom an agent calls, in order, about a problem at an outlet. The
 * order per topic is the domain's; this service gathers the outlet's desks, its transit
 * centre's desk, HQ and (given an area) the courier covering it.
 */
export class EscalationService {
  constructor(private readonly ds: DataSource) {}

  /** Outlet-bound callers may ask about their own outlet only (cross-outlet goes through HQ). */
  async chain(identity: Identity, outletId: string, topic: EscalationTopic, areaId?: string | null): Promise<EscalationChain> {
    const outlet = found(isUuid(outletId) ? await this.ds.getRepository(OutletEntity).findOneBy({ id: outletId }) : null, 'OUTLET_NOT_FOUND', 'outlet', outletId);
    assertOutletAccess(identity, outlet.id);
    const contacts = await this.ds
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .where('c.outletId = :outletId', { outletId: outlet.id })
      .orWhere(outlet.transitCentreId ? 'c.transitCentreId = :tc' : 'false', { tc: outlet.transitCentreId })
      .orWhere(`c.role = 'HQ_CS'`)
      .orderBy('c.position', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    const candidates: Candidate[] = contacts.map((row) => ({
      role: row.role,
      step: Object.assign(new EscalationStep(), {
        role: row.role,
        name: row.name,
        contact: toContact(row),
        courierId: null,
        outletId: row.outletId,
        phone: row.phone,
      }),
    }));
    const courier = areaId ? await this.courierOfArea(outlet.id, areaId) : null;
    if (courier) {
      candidates.unshift({
        role: 'COURIER',
        step: Object.assign(new EscalationStep(), { role: 'COURIER', name: courier.name, contact: null, courierId: courier.id, outletId: courier.outletId, phone: courier.phone }),
      });
    }
    const ordered = escalationChain(topic, candidates);
    return Object.assign(new EscalationChain(), {
      topic,
      outletId: outlet.id,
      missingRoles: ordered.missingRoles,
      steps: ordered.chain.map((candidate, index) => Object.assign(candidate.step, { position: index + 1 })),
    });
  }

  private async courierOfArea(outletId: string, areaId: string): Promise<CourierEntity | null> {
    const area = isUuid(areaId) ? await selectAreas(this.ds).where('area.id = :areaId', { areaId }).getOne() : null;
    if (!area || area.outletId !== outletId) throw subgraphError('AREA_NOT_IN_OUTLET', `Delivery area ${areaId} is not one of this outlet's`);
    const courierId = area.current?.courierId;
    return courierId ? this.ds.getRepository(CourierEntity).findOneBy({ id: courierId }) : null;
  }
}
