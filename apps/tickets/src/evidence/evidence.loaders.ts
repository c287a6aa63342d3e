import type { DataSource } from 'typeorm';
import { isUuid } from '@courierdesk/domain-core';
import { BY_UUID, childPagesLoader, groupedLoader, uuidKeys, type ChildPageKey } from '@courierdesk/platform-subgraph';
import { EVIDENCE_COLUMNS, evidenceRowOf, type EvidenceRow } from './evidence.row';
import type { EvidenceItemRow } from './evidence.service';

/**
 * A ticket's evidence: pages of every ticket of a level in one statement (oldest first on
 * (added_at, id)), and each ticket's items as the decision reads them (kind and time only), also
 * one statement per level. Every party of a ticket reads its evidence.
 */
export function evidenceLoaders(ds: DataSource) {
  return {
    ticketEvidence: childPagesLoader<ChildPageKey, EvidenceRow>({
      sortKeyLength: 2,
      validAfter: ([at, id]) => typeof at === 'number' && isUuid(id),
      parentOf: (row) => row.ticketId,
      sortKey: (row) => [row.addedAt.getTime(), row.id],
      fetch: async (ticketIds, limit, after) => {
        const keyset = after ? `AND (x.added_at, x.id) > ($3::timestamptz, $4::uuid)` : '';
        const rows = (await ds.query(
          `SELECT ${EVIDENCE_COLUMNS}
             FROM unnest($1::uuid[]) AS p(id)
             CROSS JOIN LATERAL (SELECT * FROM ticket_evidence x WHERE x.ticket_id = p.id ${keyset} ORDER BY x.added_at, x.id LIMIT $2) v`,
          after ? [ticketIds, limit, new Date(after[0] as number), after[1]] : [ticketIds, limit],
        )) as Record<string, unknown>[];
        return rows.map(evidenceRowOf);
      },
    }),
    evidenceItems: groupedLoader<string, EvidenceItemRow & { ticketId: string }>(
      async (ticketIds) =>
        ((await ds.query(
          `SELECT v.id::text AS id, v.ticket_id::text AS "ticketId", v.kind, (extract(epoch FROM v.added_at) * 1000)::float8 AS "addedAt"
             FROM ticket_evidence v WHERE v.ticket_id = ANY($1::uuid[]) ORDER BY v.ticket_id, v.added_at, v.id`,
          [uuidKeys(ticketIds)],
        )) as { id: string; ticketId: string; kind: string; addedAt: number }[]).map((row) => ({ ...row, addedAt: new Date(row.addedAt) })),
      (row) => row.ticketId,
      BY_UUID,
    ),
  };
}
