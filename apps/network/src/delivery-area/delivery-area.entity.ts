import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Landmark } from '@courierdesk/domain-network';
import type { AreaAssignmentEntity } from './area-assignment.entity';

/** Row of `network.delivery_area` (承包区). Never exposed in the schema: see DeliveryArea. */
@Entity({ name: 'delivery_area' })
export class DeliveryAreaEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'outlet_id' })
  outletId: string;

  @Column('text', { name: 'district_code' })
  districtCode: string;

  /** Nine-digit town/street code (乡镇街道代码). */
  @Column('text', { name: 'street_code' })
  streetCode: string;

  @Column('text', { name: 'street_name' })
  streetName: string;

  @Column('text')
  name: string;

  /** Schools, compounds, units, major customers inside the area (地标). */
  @Column('jsonb', { default: () => "'[]'::jsonb" })
  landmarks: Landmark[];

  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  /** The open assignment, joined in by the area queries (not a column). */
  current?: AreaAssignmentEntity | null;
}
