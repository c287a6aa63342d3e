import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts (联系人) for escalation: outlet desks belong to an outlet, 分拨中心客服 to a transit
 * centre, 总部客服 to neither. The owner rule is a CHECK, so no row can sit in two places.
 */
export class CreateContacts1795440120000 implements MigrationInterface {
  name = 'CreateContacts1795440120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role text NOT NULL CONSTRAINT contact_role_check
          CHECK (role IN ('ARRIVAL_CS', 'DEPARTURE_CS', 'OUTLET_MANAGER', 'TRANSIT_CENTRE_CS', 'HQ_CS')),
        name text NOT NULL CONSTRAINT contact_name_check CHECK (btrim(name) <> ''),
        phone text NOT NULL,
        outlet_id uuid CONSTRAINT contact_outlet_fk REFERENCES outlet (id),
        transit_centre_id uuid CONSTRAINT contact_transit_centre_fk REFERENCES transit_centre (id),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_owner_check CHECK (
          (role = 'HQ_CS' AND outlet_id IS NULL AND transit_centre_id IS NULL)
          OR (role = 'TRANSIT_CENTRE_CS' AND transit_centre_id IS NOT NULL AND outlet_id IS NULL)
          OR (role IN ('ARRIVAL_CS', 'DEPARTURE_CS', 'OUTLET_MANAGER') AND outlet_id IS NOT NULL AND transit_centre_id IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX contact_outlet_id_idx ON contact (outlet_id, role, position) WHERE outlet_id IS NOT NULL`);
    await q.query(`CREATE INDEX contact_transit_centre_id_idx ON contact (transit_centre_id, position) WHERE transit_centre_id IS NOT NULL`);
    await q.query(`CREATE INDEX contact_hq_idx ON contact (position) WHERE role = 'HQ_CS'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contact`);
  }
}
