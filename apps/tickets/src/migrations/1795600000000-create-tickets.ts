import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk (工单): tickets, their audit trail, comments, evidence and escalation steps.
 *
 * - A ticket's number (TK20261202-000123) takes its sequence from a PostgreSQL sequence: unique
 *   and never reused, with gaps when a transaction rolls back (gap-tolerant, as the issue allows).
 * - `version` is the optimistic lock: every write is `UPDATE … WHERE id = $1 AND version = $2`.
 * - Two partial unique indexes carry the desk's "same case" rules, so they hold under concurrency
 *   and across processes, not only in code: one open urge per waybill (a repeat urge is counted on
 *   it), and one ticket per waybill and anomaly episode (proactive tickets).
 * - `sla_due_at` / `sla_breached_at` are the clocks' nearest deadline and first breach, recomputed
 *   by every write from the pure SLA library; the agent's queue orders and filters on them.
 * - `ticket_event` is append-only: every change with who, when, field, from → to.
 */
export class CreateTickets1795600000000 implements MigrationInterface {
  name = 'CreateTickets1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE ticket_number_seq AS bigint`);
    await q.query(`
      CREATE TABLE ticket (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        kind text NOT NULL,
        reason text NOT NULL,
        channel text NOT NULL,
        priority text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text,
        waybill_no text,
        caller_name text,
        caller_phone text,
        caller_role text,
        responsible_outlet_id uuid,
        responsible_transit_centre_id uuid,
        counterpart_outlet_id uuid,
        assignee text,
        escalation_level text,
        regulator_case_no text,
        regulator_deadline timestamptz,
        urge_count integer NOT NULL DEFAULT 1,
        last_urged_at timestamptz,
        merged_into_id uuid REFERENCES ticket (id),
        resolution_code text,
        resolution_note text,
        opened_at timestamptz NOT NULL,
        opened_by text NOT NULL,
        opened_by_outlet_id uuid,
        first_reply_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL,
        sla_policy_version text NOT NULL,
        sla_due_at timestamptz,
        sla_breached_at timestamptz,
        -- The queue's order: the nearest deadline, tickets without one (all clocks paused or met) last.
        queue_key timestamptz GENERATED ALWAYS AS (COALESCE(sla_due_at, 'infinity'::timestamptz)) STORED,
        problem_answer_due_at timestamptz,
        problem_answered_at timestamptz,
        problem_answered_by text,
        problem_answer text,
        problem_first_unreachable_at timestamptz,
        anomaly_code text,
        anomaly_since timestamptz,
        anomaly_seq bigint,
        anomaly_detected_at timestamptz,
        CONSTRAINT ticket_urge_count_positive CHECK (urge_count >= 1),
        CONSTRAINT ticket_regulator_case CHECK (channel <> 'REGULATOR_12305' OR (regulator_case_no IS NOT NULL AND regulator_deadline IS NOT NULL)),
        CONSTRAINT ticket_anomaly_episode CHECK ((anomaly_code IS NULL) = (anomaly_since IS NULL)),
        CONSTRAINT ticket_not_merged_into_itself CHECK (merged_into_id IS DISTINCT FROM id)
      )`);
    // A repeat urge on a waybill with an open urge is the same case (催件合并). Proactive tickets
    // (opened from an anomaly) are the network's own cases: a customer's urge is counted apart.
    await q.query(`
      CREATE UNIQUE INDEX ticket_one_open_urge ON ticket (waybill_no)
       WHERE kind = 'URGE' AND status NOT IN ('RESOLVED', 'CLOSED') AND merged_into_id IS NULL AND waybill_no IS NOT NULL AND anomaly_code IS NULL`);
    // Exactly one ticket per waybill and anomaly episode, however often the feed is delivered.
    await q.query(`CREATE UNIQUE INDEX ticket_anomaly_episode_once ON ticket (waybill_no, anomaly_code, anomaly_since) WHERE anomaly_code IS NOT NULL`);
    // The agent's queue: open tickets by nearest deadline, per outlet, per assignee.
    await q.query(`CREATE INDEX ticket_queue ON ticket (queue_key, opened_at, id)`);
    await q.query(`CREATE INDEX ticket_open_queue ON ticket (queue_key, opened_at, id) WHERE status NOT IN ('RESOLVED', 'CLOSED')`);
    await q.query(`CREATE INDEX ticket_responsible_outlet ON ticket (responsible_outlet_id, sla_due_at NULLS LAST, opened_at, id)`);
    await q.query(`CREATE INDEX ticket_counterpart_outlet ON ticket (counterpart_outlet_id, sla_due_at NULLS LAST, opened_at, id) WHERE counterpart_outlet_id IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_transit_centre ON ticket (responsible_transit_centre_id, sla_due_at NULLS LAST, opened_at, id) WHERE responsible_transit_centre_id IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_assignee ON ticket (assignee, sla_due_at NULLS LAST, opened_at, id) WHERE assignee IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_waybill ON ticket (waybill_no, opened_at DESC) WHERE waybill_no IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_opened_at ON ticket (opened_at, id)`);
    await q.query(`CREATE INDEX ticket_merged_into ON ticket (merged_into_id) WHERE merged_into_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE ticket_event (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        at timestamptz NOT NULL,
        actor text NOT NULL,
        actor_outlet_id uuid,
        type text NOT NULL,
        field text,
        from_value text,
        to_value text,
        detail jsonb
      )`);
    await q.query(`CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id, id)`);

    await q.query(`
      CREATE TABLE ticket_comment (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        visibility text NOT NULL,
        body text NOT NULL,
        author text NOT NULL,
        author_outlet_id uuid,
        canned_reply_code text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ticket_comment_ticket ON ticket_comment (ticket_id, created_at, id)`);

    await q.query(`
      CREATE TABLE ticket_evidence (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        kind text NOT NULL,
        storage_ref text NOT NULL,
        file_name text,
        content_type text,
        size_bytes bigint,
        sha256 text,
        description text,
        added_by text NOT NULL,
        added_by_outlet_id uuid,
        added_at timestamptz NOT NULL,
        due_at timestamptz,
        CONSTRAINT ticket_evidence_size CHECK (size_bytes IS NULL OR size_bytes >= 0)
      )`);
    await q.query(`CREATE INDEX ticket_evidence_ticket ON ticket_evidence (ticket_id, added_at, id)`);

    await q.query(`
      CREATE TABLE ticket_escalation (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        -- Steps recorded in one instant (two breaches found by one sweep) keep their order.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        level text NOT NULL,
        from_level text,
        cause text NOT NULL,
        breach_key text,
        reason text,
        contact_name text,
        contact_phone text,
        actor text NOT NULL,
        at timestamptz NOT NULL
      )`);
    // An automatic escalation happens once per breach, however many processes sweep.
    await q.query(`CREATE UNIQUE INDEX ticket_escalation_once_per_breach ON ticket_escalation (ticket_id, breach_key) WHERE breach_key IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_escalation_ticket ON ticket_escalation (ticket_id, seq)`);

    // Working hours an outlet keeps (营业时间), for its business-time SLA clocks; absent: the default.
    await q.query(`
      CREATE TABLE outlet_working_hours (
        outlet_id uuid PRIMARY KEY,
        opens text NOT NULL,
        closes text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // How far each consumer has read a feed of another subgraph (tracking's anomaly events).
    await q.query(`
      CREATE TABLE feed_position (
        feed text PRIMARY KEY,
        position text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['feed_position', 'outlet_working_hours', 'ticket_escalation', 'ticket_evidence', 'ticket_comment', 'ticket_event', 'ticket']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE ticket_number_seq`);
  }
}
