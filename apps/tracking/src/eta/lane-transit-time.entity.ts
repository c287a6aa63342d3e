import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceLevel } from '@courierdesk/domain-parcel';

/** Row of `tracking.lane_transit_time` (线路时效样本): one signed waybill's door-to-door hours. */
@Entity({ name: 'lane_transit_time' })
export class LaneTransitTimeEntity {
  @PrimaryColumn('text', { name: 'waybill_no' })
  waybillNo: string;

  @Column('text', { name: 'lane_key' })
  laneKey: string;

  @Column('text', { name: 'service_level' })
  serviceLevel: ServiceLevel;

  @Column('timestamptz', { name: 'picked_up_at' })
  pickedUpAt: Date;

  @Column('timestamptz', { name: 'signed_at' })
  signedAt: Date;

  @Column('float8')
  hours: number;
}
