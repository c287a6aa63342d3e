import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `network.transit_centre` (分拨中心). Never exposed in the schema: see TransitCentre. */
@Entity({ name: 'transit_centre' })
export class TransitCentreEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** `TC-<city>-<seq>`, unique. */
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text', { name: 'city_code' })
  cityCode: string;

  @Column('text', { name: 'district_code' })
  districtCode: string;

  @Column('text', { default: '' })
  address: string;

  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
