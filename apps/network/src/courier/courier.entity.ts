import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `network.courier` (快递员、业务员). Never exposed in the schema: see Courier. */
@Entity({ name: 'courier' })
export class CourierEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** `<outlet code>-<seq>` (业务员编号), unique. */
  @Column('text')
  code: string;

  /** Eight-digit employee number (工号), unique across the network. */
  @Column('text', { name: 'employee_no' })
  employeeNo: string;

  @Column('text')
  name: string;

  /** Mobile number (canonical form); personal data. */
  @Column('text')
  phone: string;

  @Column('uuid', { name: 'outlet_id' })
  outletId: string;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
