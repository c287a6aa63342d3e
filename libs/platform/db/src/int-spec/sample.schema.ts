import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

// A two-table schema for the int-specs: unique, foreign-key and check constraints, a relation.

@Entity({ name: 'outlet' })
export class SampleOutlet {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', unique: true })
  code: string;
}

@Entity({ name: 'parcel' })
export class SampleParcel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'weight_grams', type: 'integer' })
  weightGrams: number;

  @Column({ name: 'outlet_id', type: 'integer' })
  outletId: number;

  @ManyToOne(() => SampleOutlet)
  @JoinColumn({ name: 'outlet_id' })
  outlet?: SampleOutlet;
}

export class CreateSampleOutlet1735689600000 implements MigrationInterface {
  name = 'CreateSampleOutlet1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Unqualified on purpose: search_path must put it in the DataSource's schema.
    await queryRunner.query(`CREATE TABLE outlet (id serial PRIMARY KEY, code text NOT NULL UNIQUE)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outlet`);
  }
}

export class CreateSampleParcel1735776000000 implements MigrationInterface {
  name = 'CreateSampleParcel1735776000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE parcel (
         id serial PRIMARY KEY,
         weight_grams integer NOT NULL CONSTRAINT parcel_weight_positive CHECK (weight_grams > 0),
         outlet_id integer NOT NULL REFERENCES outlet (id)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE parcel`);
  }
}

export const sampleEntities = [SampleOutlet, SampleParcel];
export const sampleMigrations = [CreateSampleOutlet1735689600000, CreateSampleParcel1735776000000];
