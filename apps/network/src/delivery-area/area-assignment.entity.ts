import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Row of `network.area_assignment` (承包记录): courier `courierId` covered area `areaId` during
 * the half-open interval [startsAt, endsAt); `endsAt` null while current. The database keeps at
 * most one open row per area and no overlapping rows.
 */
@Entity({ name: 'area_assignment' })
export class AreaAssignmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'area_id' })
  areaId: string;

  @Column('uuid', { name: 'courier_id' })
  courierId: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
