import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContactRole } from '@courierdesk/domain-network';

/**
 * Row of `network.contact` (联系人): a desk or person to call. Outlet roles (到件客服, 出发客服,
 * 网点负责人) belong to an outlet, 分拨中心客服 to a transit centre, 总部客服 to neither.
 */
@Entity({ name: 'contact' })
export class ContactEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  role: Exclude<ContactRole, 'COURIER'>;

  @Column('text')
  name: string;

  @Column('text')
  phone: string;

  @Column('uuid', { name: 'outlet_id', nullable: true })
  outletId: string | null;

  @Column('uuid', { name: 'transit_centre_id', nullable: true })
  transitCentreId: string | null;

  /** Order among contacts with the same role (first is called first). */
  @Column('int', { default: 0 })
  position: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
