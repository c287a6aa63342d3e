import { Client } from 'pg';
import { DEFAULT_SLA_POLICIES, policyInForce } from '@courierdesk/domain-sla';
import { REASONS_BY_KIND, TICKET_NUMBER_PREFIX, TICKET_SEQUENCE_DIGITS, type TicketKind } from '@courierdesk/domain-ticket';
import { NETWORK_DB_SCHEMA } from '@courierdesk/network';
import { TICKETS_DB_SCHEMA } from '@courierdesk/tickets';
import { TRACKING_DB_SCHEMA } from '@courierdesk/tracking';
import { clock, msSince } from './stats';

/** What the ticket volume load wrote, and how long it took. */
export interface TicketLoad {
  tickets: number;
  open: number;
  events: number;
  /** Outlets that are a ticket's responsible outlet. */
  outlets: number;
  seconds: number;
  vacuumSeconds: number;
}

/** Opens a pg client on the tickets schema (the subgraph's search path). */
export async function ticketsClient(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName, options: `-c search_path=${TICKETS_DB_SCHEMA},public` });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A deterministic draw in [0, n) for ticket `i` and draw number `k` (independent per k). */
const draw = (k: number, n: number) => `((hashint8(g.i::bigint * 16 + ${k}) & 2147483647) % ${n})`;

/** `CASE` over cumulative percentages: [[value, percent], …] of a draw in [0, 100). */
function pick(k: number, shares: readonly [string, number][]): string {
  let upTo = 0;
  const arms = shares.map(([value, share]) => {
    upTo += share;
    return `WHEN ${draw(k, 100)} < ${upTo} THEN '${value}'`;
  });
  if (upTo !== 100) throw new Error(`shares add up to ${upTo}, not 100`);
  return `(CASE ${arms.join(' ')} END)`;
}

const KINDS: [TicketKind, number][] = [['INQUIRY', 30], ['URGE', 35], ['COMPLAINT', 15], ['PROBLEM_PARCEL', 15], ['SIGNED_NOT_RECEIVED', 5]];
/** ~70 % of the tickets still open, as on a desk that closes what it opens within days. */
const STATUSES: [string, number][] = [['OPEN', 30], ['IN_PROGRESS', 20], ['WAITING_FOR_CUSTOMER', 6], ['WAITING_FOR_OUTLET', 8], ['ESCALATED', 6], ['RESOLVED', 20], ['CLOSED', 10]];
const PRIORITIES: [string, number][] = [['LOW', 15], ['NORMAL', 55], ['HIGH', 22], ['URGENT', 8]];
const CHANNELS: [string, number][] = [['PHONE', 40], ['ONLINE_CHAT', 19], ['APP', 15], ['ECOMMERCE_PLATFORM', 10], ['OUTLET_COUNTER', 5], ['REGULATOR_12305', 1], ['PROACTIVE', 10]];

/** Primes: the stride of the ticket → waybill permutation (the other one when the count is a multiple of the first). */
const STRIDE = 1_000_003;
const STRIDE_ALT = 999_983;

const quoteAll = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** A reason of the ticket's kind (REASONS_BY_KIND), drawn per ticket. */
const reasonOf = (kind: string) =>
  `(CASE ${kind} ${Object.entries(REASONS_BY_KIND)
    .map(([k, reasons]) => `WHEN '${k}' THEN (ARRAY[${quoteAll(reasons)}])[1 + ${draw(9, reasons.length)}]`)
    .join(' ')} END)`;

/**
 * Loads `count` tickets on the volume in a few set-based statements (INSERT … SELECT over
 * generate_series, deterministic draws by hashint8), as a desk that has been running for weeks has
 * them: ~70 % open; kinds, priorities and channels mixed; each about a volume waybill (inquiries
 * sometimes about none), owned by its destination outlet (origin for some), a transit centre for
 * 15 %; problem parcels name the origin outlet as the other party; deadlines (sla_due_at) spread
 * from three days ago to three days ahead, none while waiting for the customer (the clock paused);
 * half the worked tickets assigned among 200 agents. Every ticket gets its CREATED audit line, and
 * a status line when it moved on, so the clocks read a real timeline. Then VACUUM ANALYZE.
 */
export async function loadTickets(databaseUrl: string, count: number, now: Date): Promise<TicketLoad> {
  const started = clock();
  const client = await ticketsClient(databaseUrl, 'courierdesk-bench-tickets');
  try {
    const tracking = `"${TRACKING_DB_SCHEMA}"`;
    const network = `"${NETWORK_DB_SCHEMA}"`;
    await client.query(`CREATE TEMP TABLE bench_waybill AS
      SELECT row_number() OVER () AS rn, waybill_no, origin_outlet_id, destination_outlet_id FROM ${tracking}.waybill`);
    await client.query(`CREATE UNIQUE INDEX ON bench_waybill (rn)`);
    await client.query(`CREATE TEMP TABLE bench_centre AS SELECT row_number() OVER (ORDER BY id) AS rn, id FROM ${network}.transit_centre`);
    const [{ waybills }] = (await client.query(`SELECT count(*)::int AS waybills FROM bench_waybill`)).rows as { waybills: number }[];
    const [{ centres }] = (await client.query(`SELECT count(*)::int AS centres FROM bench_centre`)).rows as { centres: number }[];
    if (waybills === 0 || centres === 0) throw new Error('load the network and the tracking volume before the tickets');
    const policyVersion = policyInForce(DEFAULT_SLA_POLICIES, now).version;
    const nowMs = now.getTime();
    // One draw per ticket and attribute (d.*), then the row; an urge beyond the waybills is an inquiry
    // (one open urge per waybill is a unique index: a second would be counted on the first).
    await client.query(
      `INSERT INTO ticket (id, number, kind, reason, channel, priority, status, title, description, waybill_no, caller_name, caller_phone, caller_role,
          responsible_outlet_id, responsible_transit_centre_id, counterpart_outlet_id, assignee, escalation_level, regulator_case_no, regulator_deadline,
          urge_count, last_urged_at, opened_at, opened_by, opened_by_outlet_id, first_reply_at, resolved_at, closed_at, updated_at,
          sla_policy_version, sla_due_at, sla_breached_at, problem_answer_due_at, anomaly_code, anomaly_since)
       SELECT gen_random_uuid(),
              '${TICKET_NUMBER_PREFIX}' || to_char(d.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('ticket_number_seq')::text, ${TICKET_SEQUENCE_DIGITS}, '0'),
              d.kind, ${reasonOf('d.kind')}, d.channel, d.priority, d.status, d.kind || ' ' || coalesce(d.waybill_no, 'inquiry'), NULL, d.waybill_no,
              CASE WHEN d.channel IN ('PHONE', 'ONLINE_CHAT') THEN '张三' END, CASE WHEN d.channel = 'PHONE' THEN '13800138000' END,
              CASE WHEN d.channel IN ('PHONE', 'ONLINE_CHAT', 'APP') THEN 'RECIPIENT' END,
              d.outlet_id, d.centre_id, d.counterpart_id,
              CASE WHEN d.status NOT IN ('OPEN', 'RESOLVED', 'CLOSED') AND ${draw(10, 2)} = 0 THEN 'agent-' || ${draw(11, 200)} END,
              CASE WHEN d.status = 'ESCALATED' OR d.channel = 'REGULATOR_12305' THEN 'HQ_CS' END,
              CASE WHEN d.channel = 'REGULATOR_12305' THEN '12305-BENCH-' || g.i END,
              CASE WHEN d.channel = 'REGULATOR_12305' THEN d.opened_at + interval '5 days' END,
              1 + CASE WHEN d.kind = 'URGE' THEN ${draw(12, 3)} ELSE 0 END, CASE WHEN d.kind = 'URGE' THEN d.opened_at END,
              d.opened_at, CASE WHEN d.channel = 'PROACTIVE' THEN 'service:tickets' ELSE 'agent-' || ${draw(11, 200)} END, NULL,
              CASE WHEN d.status <> 'OPEN' THEN d.opened_at + interval '20 minutes' END,
              CASE WHEN d.status IN ('RESOLVED', 'CLOSED') THEN d.opened_at + interval '1 day' END,
              CASE WHEN d.status = 'CLOSED' THEN d.opened_at + interval '4 days' END,
              d.opened_at + interval '20 minutes',
              '${policyVersion}', d.due_at, CASE WHEN d.due_at < d.now THEN d.due_at END,
              CASE WHEN d.kind = 'PROBLEM_PARCEL' THEN d.opened_at + interval '24 hours' END,
              CASE WHEN d.channel = 'PROACTIVE' THEN 'STALLED_AT_OUTLET' END, CASE WHEN d.channel = 'PROACTIVE' THEN d.opened_at - interval '1 hour' END
         FROM generate_series(1, $1::int) AS g(i)
         -- A permutation of the waybills (the stride is prime to their count): no waybill twice until all had one.
         JOIN bench_waybill w ON w.rn = 1 + ((g.i::bigint - 1) * $4::bigint) % $2::int
         JOIN bench_centre c ON c.rn = 1 + ${draw(13, centres)}
         CROSS JOIN LATERAL (
           SELECT CASE WHEN k.kind = 'URGE' AND g.i > $2::int THEN 'INQUIRY' ELSE k.kind END AS kind, k.status, k.channel, k.priority, k.now,
                  CASE WHEN k.kind = 'INQUIRY' AND ${draw(14, 10)} < 3 THEN NULL ELSE w.waybill_no END AS waybill_no,
                  CASE WHEN k.kind <> 'PROBLEM_PARCEL' AND ${draw(15, 100)} < 15 THEN NULL
                       WHEN k.kind <> 'PROBLEM_PARCEL' AND ${draw(16, 100)} < 20 THEN w.origin_outlet_id
                       ELSE coalesce(w.destination_outlet_id, w.origin_outlet_id) END AS outlet_id,
                  CASE WHEN k.kind <> 'PROBLEM_PARCEL' AND ${draw(15, 100)} < 15 THEN c.id END AS centre_id,
                  CASE WHEN k.kind = 'PROBLEM_PARCEL' THEN nullif(w.origin_outlet_id, coalesce(w.destination_outlet_id, w.origin_outlet_id)) END AS counterpart_id,
                  -- Open tickets opened within the last week, closed ones within the last month (distinct instants: episode keys).
                  k.now - make_interval(secs => CASE WHEN k.status IN ('RESOLVED', 'CLOSED') THEN ${draw(17, 30 * 86_400)} ELSE ${draw(17, 7 * 86_400)} END) - g.i * interval '1 microsecond' AS opened_at,
                  CASE WHEN k.status NOT IN ('RESOLVED', 'CLOSED', 'WAITING_FOR_CUSTOMER') THEN make_interval(secs => ${draw(18, 6 * 86_400)} - 3 * 86400) END AS due_shift
             FROM (SELECT ${pick(1, KINDS)} AS kind, ${pick(2, STATUSES)} AS status, ${pick(3, CHANNELS)} AS channel, ${pick(4, PRIORITIES)} AS priority,
                          to_timestamp($3::float8 / 1000) AS now) k
         ) d0
         -- A deadline at least two hours after opening: from three days ago to three days ahead.
         CROSS JOIN LATERAL (SELECT d0.*, CASE WHEN d0.due_shift IS NOT NULL THEN greatest(d0.opened_at + interval '2 hours', d0.now + d0.due_shift) END AS due_at) d`,
      [count, waybills, nowMs, waybills % STRIDE === 0 ? STRIDE_ALT : STRIDE],
    );
    await client.query(
      `INSERT INTO ticket_event (ticket_id, at, actor, type, to_value, detail)
       SELECT t.id, t.opened_at, t.opened_by, 'CREATED', 'OPEN',
              jsonb_build_object('number', t.number, 'kind', t.kind, 'reason', t.reason, 'channel', t.channel, 'priority', t.priority)
         FROM ticket t ORDER BY t.opened_at`,
    );
    await client.query(
      `INSERT INTO ticket_event (ticket_id, at, actor, type, field, from_value, to_value)
       SELECT t.id, t.first_reply_at, coalesce(t.assignee, t.opened_by), CASE WHEN t.status IN ('RESOLVED', 'CLOSED') THEN 'RESOLVED' ELSE 'STATUS_CHANGED' END,
              'status', 'OPEN', t.status
         FROM ticket t WHERE t.status <> 'OPEN' ORDER BY t.first_reply_at`,
    );
    const [row] = (
      await client.query(
        `SELECT (SELECT count(*) FROM ticket)::int AS tickets, (SELECT count(*) FROM ticket WHERE status NOT IN ('RESOLVED', 'CLOSED'))::int AS open,
                (SELECT count(*) FROM ticket_event)::int AS events, (SELECT count(DISTINCT responsible_outlet_id) FROM ticket)::int AS outlets`,
      )
    ).rows as { tickets: number; open: number; events: number; outlets: number }[];
    const seconds = msSince(started) / 1000;
    const vacuumStarted = clock();
    await client.query(`VACUUM (ANALYZE) ticket, ticket_event`);
    return { ...row, seconds, vacuumSeconds: msSince(vacuumStarted) / 1000 };
  } finally {
    await client.end();
  }
}
