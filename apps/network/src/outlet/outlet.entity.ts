import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OutletKind } from '@courierdesk/domain-network';

/** Row of `network.outlet` (网点). Never exposed in the schema: see Outlet. */
@Entity({ name: 'outlet' })
export class OutletEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** `<district>-<seq>` (网点编号), unique. */
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: OutletKind;

  /** Two-digit province prefix of GB/T 2260, e.g. `44`. */
  @Column('text', { name: 'province_code' })
  provinceCode: string;

  /** Four-digit city prefix, e.g. `4403`. */
  @Column('text', { name: 'city_code' })
  cityCode: string;

  /** Six-digit county-level code (区县), e.g. `440305`. */
  @Column('text', { name: 'district_code' })
  districtCode: string;

  @Column('text', { name: 'province_name' })
  provinceName: string;

  @Column('text', { name: 'city_name' })
  cityName: string;

  @Column('text', { name: 'district_name' })
  districtName: string;

  @Column('text', { default: '' })
  address: string;

  /** The outlet's desk phone (canonical form). */
  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { name: 'manager_name', nullable: true })
  managerName: string | null;

  @Column('text', { name: 'manager_phone', nullable: true })
  managerPhone: string | null;

  /** Upstream transit centre (上级分拨中心). */
  @Column('uuid', { name: 'transit_centre_id', nullable: true })
  transitCentreId: string | null;

  /** Optimistic concurrency: every update must name the version it read. */
  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
