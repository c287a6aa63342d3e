import { Client } from 'pg';
import { CLAIMS_DB_SCHEMA } from '@courierdesk/claims';
import { CLAIM_NUMBER_PREFIX, DEFAULT_CLAIM_EVIDENCE, REFUSAL_CAUSES } from '@courierdesk/domain-liability';
import { TRACKING_DB_SCHEMA } from '@courierdesk/tracking';
import { clock, msSince } from './stats';

/** What the claims volume load (理赔存量) wrote, and how long it took. */
export interface ClaimLoad {
  claims: number;
  /** Claims by status and by kind, as loaded. */
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  evidence: number;
  events: number;
  /** Claims on an insured waybill (保价): their evidence includes the insurance receipt. */
  insured: number;
  seconds: number;
  vacuumSeconds: number;
}

/** Opens a pg client on the claims schema (the subgraph's search path). */
export async function claimsClient(url: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName, options: `-c search_path=${CLAIMS_DB_SCHEMA},public` });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A deterministic draw in [0, n) for claim `i` and draw number `k` (independent per k). */
const draw = (k: number, n: number) => `((hashint8(g.i::bigint * 16 + ${k} + 7) & 2147483647) % ${n})`;

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

/** Kinds as a desk sees them: damage and delay most, loss and refusals' return freight fewer. */
const KINDS: [string, number][] = [['DAMAGE', 30], ['DELAY', 25], ['LOSS', 15], ['PARTIAL_LOSS', 10], ['RETURN_FREIGHT', 20]];
/**
 * Statuses of a desk's open and recent claims. APPROVED and PAID are not loaded: an approval needs a
 * decision record and a payment its ledger entries, which the workload makes through the real paths.
 */
const STATUSES: [string, number][] = [['SUBMITTED', 15], ['NEEDS_EVIDENCE', 10], ['UNDER_REVIEW', 55], ['REJECTED', 12], ['WITHDRAWN', 8]];

/**
 * Which waybills a kind is filed on: loss on a parcel still on its way (never delivered), damage,
 * partial loss and delay on a delivered one, return freight on a refused or returning one; any
 * waybill when the volume has none of that kind (a tiny smoke volume).
 */
const POOL_OF_KIND: Record<string, string> = { LOSS: 'ON_WAY', DAMAGE: 'DELIVERED', PARTIAL_LOSS: 'DELIVERED', DELAY: 'DELIVERED', RETURN_FREIGHT: 'REFUSED' };

const STRIDE = 7919;
const STRIDE_ALT = 7907;

const quoteAll = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The evidence table (DEFAULT_CLAIM_EVIDENCE) as SQL VALUES: kind, item, evidence kind (the first accepted), need, order. */
function evidenceRules(): string {
  const rows = Object.entries(DEFAULT_CLAIM_EVIDENCE).flatMap(([kind, rules]) =>
    rules.filter((r) => r.need !== 'OPTIONAL').map((r, i) => `('${kind}', '${r.item}', '${r.accepted[0]}', '${r.need}', ${i + 1})`),
  );
  return `(VALUES ${rows.join(', ')}) AS r(kind, item, evidence_kind, need, ord)`;
}

/**
 * Loads `count` claims (理赔) on the volume in a few set-based statements (INSERT … SELECT over
 * generate_series, deterministic draws by hashint8): kinds mixed, each on a volume waybill its kind
 * fits (POOL_OF_KIND), spread over the pool by a prime stride; amounts as claimants ask them —
 * a loss the declared value (or 50–2,000 yuan undeclared), damage 10–90 % of it and partial loss
 * 10–60 % (the actual loss stated), a delay or a return freight the freight, with a refusal cause
 * drawn; a delay records the promise it missed (0–8 days before delivery: ordinary and thorough
 * delays). Statuses spread (STATUSES), filed over the last 20 days. Every claim past SUBMITTED has
 * its required evidence on file (the first item still missing when NEEDS_EVIDENCE), so an
 * UNDER_REVIEW claim can be decided; every claim has its CREATED audit line and a status line when
 * it moved on. Then VACUUM ANALYZE.
 */
export async function loadClaims(databaseUrl: string, count: number, now: Date): Promise<ClaimLoad> {
  const started = clock();
  const client = await claimsClient(databaseUrl, 'courierdesk-bench-claims');
  try {
    const tracking = `"${TRACKING_DB_SCHEMA}"`;
    await client.query(`CREATE TEMP TABLE bench_claim_pool AS
      SELECT p.pool, row_number() OVER (PARTITION BY p.pool ORDER BY w.waybill_no) AS rn,
             w.waybill_no, w.origin_outlet_id, w.destination_outlet_id, w.declared_value_fen, w.insured_value_fen, w.freight_fen, w.signed_at, w.created_at
        FROM ${tracking}.waybill w
        CROSS JOIN LATERAL (VALUES ('ANY'),
          (CASE WHEN w.status = 'DELIVERED' AND w.signed_at IS NOT NULL THEN 'DELIVERED'
                WHEN w.status IN ('RETURNING', 'RETURNED', 'DELIVERY_FAILED') THEN 'REFUSED'
                WHEN w.status NOT IN ('DELIVERED', 'RETURNED') THEN 'ON_WAY' END)) AS p(pool)
       WHERE p.pool IS NOT NULL`);
    await client.query(`CREATE UNIQUE INDEX ON bench_claim_pool (pool, rn)`);
    const sizes = Object.fromEntries(
      ((await client.query(`SELECT pool, count(*)::int AS n FROM bench_claim_pool GROUP BY pool`)).rows as { pool: string; n: number }[]).map((r) => [r.pool, r.n]),
    ) as Record<string, number>;
    if (!sizes['ANY']) throw new Error('load the tracking volume before the claims');
    // A kind whose pool is empty files on any waybill; the stride is prime to every pool's size.
    const poolOf = (kind: string) => (sizes[POOL_OF_KIND[kind]] ? POOL_OF_KIND[kind] : 'ANY');
    const poolCase = `(CASE k.kind ${KINDS.map(([kind]) => `WHEN '${kind}' THEN '${poolOf(kind)}'`).join(' ')} END)`;
    const sizeCase = `(CASE k.kind ${KINDS.map(([kind]) => `WHEN '${kind}' THEN ${sizes[poolOf(kind)]}`).join(' ')} END)`;
    const stride = Object.values(sizes).some((n) => n % STRIDE === 0) ? STRIDE_ALT : STRIDE;
    // Inside a DELAY arm the waybill is delivered (its pool), but a smoke volume may file it on any: the filing time when none.
    await client.query(
      `INSERT INTO claim (id, number, kind, claimant, waybill_no, ticket_id, claimed_fen, status, version, filed_at, filed_by, filed_by_outlet_id,
          origin_outlet_id, destination_outlet_id, refusal_cause, actual_value_fen, actual_loss_fen, description, promised_at,
          rejection_reason, acknowledged_at, withdrawn_at, updated_at)
       SELECT gen_random_uuid(),
              '${CLAIM_NUMBER_PREFIX}' || to_char(d.filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('claim_number_seq')::text, 6, '0'),
              d.kind, d.claimant, d.waybill_no, NULL, d.claimed_fen, d.status, 1, d.filed_at, 'agent-' || ${draw(11, 200)}, NULL,
              d.origin_outlet_id, d.destination_outlet_id,
              CASE WHEN d.kind = 'RETURN_FREIGHT' THEN (ARRAY[${quoteAll(REFUSAL_CAUSES)}])[1 + ${draw(12, REFUSAL_CAUSES.length)}] END,
              NULL, CASE WHEN d.kind IN ('DAMAGE', 'PARTIAL_LOSS') THEN d.claimed_fen END,
              d.kind || ' ' || d.waybill_no,
              CASE WHEN d.kind = 'DELAY' THEN coalesce(d.signed_at, d.filed_at) - make_interval(secs => ${draw(13, 8 * 86_400)}) END,
              CASE WHEN d.status = 'REJECTED' THEN '材料与事实不符' END,
              CASE WHEN d.status <> 'SUBMITTED' THEN d.filed_at + interval '2 hours' END,
              CASE WHEN d.status = 'WITHDRAWN' THEN d.filed_at + interval '1 day' END,
              d.filed_at + CASE WHEN d.status = 'SUBMITTED' THEN interval '0' ELSE interval '2 hours' END
         FROM generate_series(1, $1::int) AS g(i)
         CROSS JOIN LATERAL (SELECT ${pick(1, KINDS)} AS kind, ${pick(2, STATUSES)} AS status) k
         JOIN bench_claim_pool w ON w.pool = ${poolCase} AND w.rn = 1 + ((g.i::bigint - 1) * ${stride}) % ${sizeCase}
         CROSS JOIN LATERAL (
           SELECT k.kind, k.status, w.waybill_no, w.origin_outlet_id, w.destination_outlet_id, w.signed_at,
                  CASE WHEN k.kind IN ('LOSS', 'DELAY') OR ${draw(3, 10)} < 4 THEN 'SENDER' ELSE 'RECIPIENT' END AS claimant,
                  -- Filed after the parcel was shipped (and delivered, where it was), within the last 20 days.
                  greatest(coalesce(w.signed_at, w.created_at) + interval '1 hour', to_timestamp($2::float8 / 1000) - make_interval(secs => ${draw(4, 20 * 86_400)}))
                    - g.i * interval '1 microsecond' AS filed_at,
                  CASE k.kind
                    WHEN 'LOSS' THEN v.value_fen
                    WHEN 'DAMAGE' THEN v.value_fen * (10 + ${draw(6, 81)}) / 100
                    WHEN 'PARTIAL_LOSS' THEN v.value_fen * (10 + ${draw(6, 51)}) / 100
                    ELSE w.freight_fen END AS claimed_fen
             FROM (SELECT CASE WHEN w.declared_value_fen > 0 THEN w.declared_value_fen ELSE (50 + ${draw(5, 1951)}) * 100 END AS value_fen) v
         ) d`,
      [count, now.getTime()],
    );
    // The required evidence (ALWAYS, and IF_INSURED on an insured waybill) of every claim past SUBMITTED; NEEDS_EVIDENCE lacks its first item.
    await client.query(
      `INSERT INTO claim_evidence (id, claim_id, item, kind, storage_ref, description, added_by, added_by_outlet_id, added_at)
       SELECT gen_random_uuid(), c.id, r.item, r.evidence_kind, 'bench://' || c.number || '/' || r.item, NULL, c.filed_by, NULL, c.filed_at + interval '1 hour'
         FROM claim c
         JOIN ${tracking}.waybill w ON w.waybill_no = c.waybill_no
         JOIN ${evidenceRules()} ON r.kind = c.kind
        WHERE c.status <> 'SUBMITTED' AND (r.need = 'ALWAYS' OR w.insured_value_fen > 0) AND NOT (c.status = 'NEEDS_EVIDENCE' AND r.ord = 1)
        ORDER BY c.filed_at`,
    );
    await client.query(
      `INSERT INTO claim_event (claim_id, at, actor, type, to_value, detail)
       SELECT c.id, c.filed_at, c.filed_by, 'CREATED', 'SUBMITTED',
              jsonb_build_object('number', c.number, 'kind', c.kind, 'claimant', c.claimant, 'waybillNo', c.waybill_no, 'claimedFen', c.claimed_fen)
         FROM claim c ORDER BY c.filed_at`,
    );
    await client.query(
      `INSERT INTO claim_event (claim_id, at, actor, type, field, from_value, to_value)
       SELECT c.id, c.updated_at, c.filed_by, 'CHANGED', 'status', 'SUBMITTED', c.status FROM claim c WHERE c.status <> 'SUBMITTED' ORDER BY c.updated_at`,
    );
    const counts = async (column: string) =>
      Object.fromEntries(((await client.query(`SELECT ${column} AS k, count(*)::int AS n FROM claim GROUP BY 1 ORDER BY 1`)).rows as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    const [row] = (
      await client.query(
        `SELECT (SELECT count(*) FROM claim)::int AS claims, (SELECT count(*) FROM claim_evidence)::int AS evidence, (SELECT count(*) FROM claim_event)::int AS events,
                (SELECT count(*) FROM claim c JOIN ${tracking}.waybill w ON w.waybill_no = c.waybill_no WHERE w.insured_value_fen > 0)::int AS insured`,
      )
    ).rows as { claims: number; evidence: number; events: number; insured: number }[];
    const byStatus = await counts('status');
    const byKind = await counts('kind');
    const seconds = msSince(started) / 1000;
    const vacuumStarted = clock();
    await client.query(`VACUUM (ANALYZE) claim, claim_evidence, claim_event`);
    return { ...row, byStatus, byKind, seconds, vacuumSeconds: msSince(vacuumStarted) / 1000 };
  } finally {
    await client.end();
  }
}
