import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTER_COURIER_OUTLETS_FROM_SCANS } from '../network-refs/courier-outlets';

/**
 * The courier's outlet as reported (快递员所属网点): one row per courier a scan at an outlet has
 * named, the outlet of the first such report. It lets recordScans hold an outlet-bound scanner to
 * its own couriers without reading the network's tables (network-refs/courier-outlets.ts explains
 * the choice). Filled from the scans already stored; a courier's outlet never changes in the
 * network (a transfer is a new courier), so the first report stays.
 */
export class CreateCourierOutlet1795500180000 implements MigrationInterface {
  name = 'CreateCourierOutlet1795500180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courier_outlet (
        courier_id uuid PRIMARY KEY,
        outlet_id uuid NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(REGISTER_COURIER_OUTLETS_FROM_SCANS('courier_outlet', 'scan_event'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE courier_outlet`);
  }
}
