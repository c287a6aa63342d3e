import type { DataSource } from 'typeorm';
import { BY_UUID, groupedLoader, keyedLoader, uuidKeys } from '@courierdesk/platform-subgraph';
import { MAX_CLAIMS_PER_WAYBILL, MAX_EVIDENCE_PER_CLAIM, MAX_HISTORY_LINES } from '../common/list-bounds';
import { EVIDENCE_COLUMNS, type ClaimEvidenceRow } from './claim-evidence.row';
import { CLAIM_COLUMNS, claimRowOf, type ClaimRow } from './claim.row';

/** One audit line as read back. */
export interface ClaimEventRow {
  claimId: string;
  at: Date;
  actor: string;
  type: string;
  field: string | null;
  from: string | null;
  to: string | null;
}

/** Loaders of claims for one request: rows by id, by waybill, by ticket, and each claim's evidence and history. */
export function claimLoaders(ds: DataSource) {
  return {
    claim: keyedLoader<string, ClaimRow>(
      async (ids) => ((await ds.query(`SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.id = ANY($1::uuid[])`, [uuidKeys(ids)])) as Record<string, unknown>[]).map(claimRowOf),
      (row) => row.id,
      BY_UUID,
    ),
    // Newest first, at most MAX_CLAIMS_PER_WAYBILL per waybill, every waybill of the level in one statement.
    claimsOfWaybill: groupedLoader<string, ClaimRow>(
      async (numbers) =>
        ((await ds.query(
          `SELECT ${CLAIM_COLUMNS}
             FROM unnest($1::text[]) AS n(waybill_no)
             CROSS JOIN LATERAL (SELECT * FROM claim x WHERE x.waybill_no = n.waybill_no ORDER BY x.filed_at DESC, x.id DESC LIMIT $2) c`,
          [[...new Set(numbers)], MAX_CLAIMS_PER_WAYBILL],
        )) as Record<string, unknown>[]).map(claimRowOf),
      (row) => row.waybillNo,
    ),
    // The ticket's claim: its live one, else its latest (rejected or withdrawn).
    claimOfTicket: groupedLoader<string, ClaimRow>(
      async (ids) =>
        ((await ds.query(
          `SELECT ${CLAIM_COLUMNS}
             FROM unnest($1::uuid[]) AS t(id)
             CROSS JOIN LATERAL (
               SELECT * FROM claim x WHERE x.ticket_id = t.id
                ORDER BY (x.status IN ('REJECTED', 'WITHDRAWN')), x.filed_at DESC, x.id DESC LIMIT 1
             ) c`,
          [uuidKeys(ids)],
        )) as Record<string, unknown>[]).map(claimRowOf),
      (row) => row.ticketId as string,
      BY_UUID,
    ),
    evidenceOfClaim: groupedLoader<string, ClaimEvidenceRow>(
      async (ids) =>
        (await ds.query(
          `SELECT ${EVIDENCE_COLUMNS} FROM unnest($1::uuid[]) AS k(id)
             CROSS JOIN LATERAL (SELECT * FROM claim_evidence e WHERE e.claim_id = k.id ORDER BY e.added_at, e.id LIMIT $2) v`,
          [uuidKeys(ids), MAX_EVIDENCE_PER_CLAIM],
        )) as ClaimEvidenceRow[],
      (row) => row.claimId,
      BY_UUID,
    ),
    historyOfClaim: groupedLoader<string, ClaimEventRow>(
      async (ids) =>
        (await ds.query(
          `SELECT e.claim_id AS "claimId", e.at, e.actor, e.type, e.field, e.from_value AS "from", e.to_value AS "to"
             FROM unnest($1::uuid[]) AS k(id)
             CROSS JOIN LATERAL (SELECT * FROM claim_event x WHERE x.claim_id = k.id ORDER BY x.id LIMIT $2) e`,
          [uuidKeys(ids), MAX_HISTORY_LINES],
        )) as ClaimEventRow[],
      (row) => row.claimId,
      BY_UUID,
    ),
  };
}
