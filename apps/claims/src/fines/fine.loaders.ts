import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid } from '@courierdesk/domain-core';
import { childPagesLoader, type ChildPageKey, type Page } from '@courierdesk/platform-subgraph';
import { ARBITRATION_COLUMNS, arbitrationRowOf, FINE_COLUMNS, fineRowOf, type ArbitrationRow, type FineRow } from './fine.row';

/** A fine with its arbitration, as a page carries it. */
export interface FineNode {
  fine: FineRow;
  arbitration: ArbitrationRow | null;
}

/** The fines' per-request loaders. */
export interface FineLoaders {
  /** Pages of an outlet's fines, newest first: one statement for every outlet of a level. */
  outletFines: DataLoader<ChildPageKey, Page<FineNode>, string>;
}

/** Fresh loaders for one request. */
export function fineLoaders(ds: DataSource): FineLoaders {
  return {
    outletFines: childPagesLoader<ChildPageKey, FineNode>({
      sortKeyLength: 2,
      validAfter: ([ms, id]) => typeof ms === 'number' && Number.isFinite(ms) && isUuid(id),
      parentOf: (node) => node.fine.outletId,
      sortKey: (node) => [node.fine.issuedAt.getTime(), node.fine.id],
      fetch: async (parentIds, limit, after) => {
        const rows = (await ds.query(
          `SELECT ${FINE_COLUMNS}, to_jsonb(a) AS arbitration
             FROM unnest($1::uuid[]) AS o(id)
             CROSS JOIN LATERAL (
               SELECT * FROM fine f
                WHERE f.outlet_id = o.id AND ($3::timestamptz IS NULL OR (f.issued_at, f.id) < ($3, $4::uuid))
                ORDER BY f.issued_at DESC, f.id DESC LIMIT $2) f
             LEFT JOIN LATERAL (SELECT ${ARBITRATION_COLUMNS} FROM arbitration a WHERE a.fine_id = f.id) a ON true
            ORDER BY f.outlet_id, f.issued_at DESC, f.id DESC`,
          [parentIds.filter(isUuid), limit, after ? new Date(after[0] as number) : null, after ? after[1] : null],
        )) as (Record<string, unknown> & { arbitration: Record<string, unknown> | null })[];
        return rows.map(({ arbitration, ...fine }) => ({
          fine: fineRowOf(fine),
          arbitration: arbitration ? arbitrationRowOf({ ...arbitration, openedAt: new Date(arbitration.openedAt as string), decidedAt: arbitration.decidedAt ? new Date(arbitration.decidedAt as string) : null }) : null,
        }));
      },
    }),
  };
}
