import { isUuid } from '@courierdesk/domain-core';
import { decodeCursor, encodeCursor, platformError } from '@courierdesk/platform-subgraph';
import { CLAIM_COLUMNS, type ClaimRow } from './claim.row';

/** What the claims list is filtered by; every filter is on an indexed column. */
export interface ClaimCriteria {
  statuses: readonly string[] | null;
  kinds: readonly string[] | null;
  /** Claims this outlet is party to (the waybill's origin or destination outlet). */
  outletId: string | null;
  waybillNo: string | null;
  /** The caller's outlet when outlet-bound: only claims it is party to. */
  restrictOutletId: string | null;
}

/** The cursor of a claim in the list's order: newest filing first, then id. */
export const claimCursorOf = (row: ClaimRow): string => encodeCursor([row.filedAt.getTime(), row.id]);

/**
 * One page of claims, newest first — a keyset on (filed_at, id) over an index. An outlet's claims
 * are two index walks (as origin, as destination) merged: an OR would read its whole history and sort.
 */
export function claimPageQuery(criteria: ClaimCriteria, size: number, after: string | null | undefined): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const add = (value: unknown, type: string): string => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const where: string[] = ['true'];
  if (criteria.statuses) where.push(`c.status = ANY(${add(criteria.statuses, 'text[]')})`);
  if (criteria.kinds) where.push(`c.kind = ANY(${add(criteria.kinds, 'text[]')})`);
  if (criteria.waybillNo) where.push(`c.waybill_no = ${add(criteria.waybillNo, 'text')}`);
  const [party, other] = [criteria.outletId, criteria.restrictOutletId].filter((o): o is string => o !== null);
  const partyParam = party ? add(party, 'uuid') : null;
  if (other && other !== party) {
    const p = add(other, 'uuid');
    where.push(`(c.origin_outlet_id = ${p} OR c.destination_outlet_id = ${p})`);
  }
  if (after) {
    const [filed, id] = decodeCursor(after, 2);
    if (typeof filed !== 'number' || !isUuid(id)) throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
    where.push(`(c.filed_at, c.id) < (${add(new Date(filed), 'timestamptz')}, ${add(id, 'uuid')})`);
  }
  const limit = add(size + 1, 'int');
  const order = `ORDER BY c.filed_at DESC, c.id DESC LIMIT ${limit}`;
  const conditions = where.join(' AND ');
  if (!partyParam) return { sql: `SELECT ${CLAIM_COLUMNS} FROM claim c WHERE ${conditions} ${order}`, params };
  const sql = `SELECT ${CLAIM_COLUMNS} FROM (
      (SELECT * FROM claim c WHERE c.origin_outlet_id = ${partyParam} AND ${conditions} ${order})
      UNION ALL
      (SELECT * FROM claim c WHERE c.destination_outlet_id = ${partyParam} AND c.origin_outlet_id IS DISTINCT FROM ${partyParam} AND ${conditions} ${order})
    ) c ${order}`;
  return { sql, params };
}
