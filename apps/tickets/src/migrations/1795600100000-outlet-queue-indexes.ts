import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outlets' queues walk their index in the queue's order. The first indexes of an outlet's
 * tickets were ordered by `sla_due_at NULLS LAST`, which sorts like `queue_key` but is not the
 * expression the queue orders by, so no plan could read them in order: an outlet's page was a
 * bitmap scan of every ticket the outlet is party to, then a sort — growing with the outlet's
 * history (measured in bench/REPORT.md, "Tickets"). Keyed on `queue_key`, each index is walked in
 * order and stops after a page; the queue reads the two (responsible, counterpart) as a UNION ALL.
 */
export class OutletQueueIndexes1795600100000 implements MigrationInterface {
  name = 'OutletQueueIndexes1795600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_responsible_outlet`);
    await q.query(`DROP INDEX ticket_counterpart_outlet`);
    await q.query(`CREATE INDEX ticket_responsible_outlet ON ticket (responsible_outlet_id, queue_key, opened_at, id) WHERE responsible_outlet_id IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_counterpart_outlet ON ticket (counterpart_outlet_id, queue_key, opened_at, id) WHERE counterpart_outlet_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_responsible_outlet`);
    await q.query(`DROP INDEX ticket_counterpart_outlet`);
    await q.query(`CREATE INDEX ticket_responsible_outlet ON ticket (responsible_outlet_id, sla_due_at NULLS LAST, opened_at, id)`);
    await q.query(`CREATE INDEX ticket_counterpart_outlet ON ticket (counterpart_outlet_id, sla_due_at NULLS LAST, opened_at, id) WHERE counterpart_outlet_id IS NOT NULL`);
  }
}
