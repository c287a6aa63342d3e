import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `tracking.courier_outlet`: a courier's outlet as first reported by a scan (see courier-outlets.ts). */
@Entity({ name: 'courier_outlet' })
export class CourierOutletEntity {
  @PrimaryColumn('uuid', { name: 'courier_id' })
  courierId: string;

  @Column('uuid', { name: 'outlet_id' })
  outletId: string;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt: Date;
}
