import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { BY_UUID, groupedLoader, keyedLoader, uuidKeys } from '@courierdesk/platform-subgraph';
import { HEADLESS_PARCEL_COLUMNS, HEADLESS_PROPOSAL_COLUMNS, HEADLESS_SEARCH_COLUMNS, type HeadlessParcelRow, type HeadlessProposalRow, type HeadlessSearchRow } from './headless.row';

/** The newest `first` searches of a waybill. */
export interface SearchesKey {
  waybillNo: string;
  first: number;
}

/**
 * Per-request loaders of headless parcels, searches and proposals: one statement per level. The
 * parcel loader applies no row rule: a parcel is reached either by id or list (the resolvers hold
 * an outlet-bound caller to its outlet) or as a proposal of a waybill the caller sees.
 */
export function headlessLoaders(ds: DataSource) {
  const headlessParcel = keyedLoader<string, HeadlessParcelRow>(
    async (ids) => (await ds.query(`SELECT ${HEADLESS_PARCEL_COLUMNS} FROM headless_parcel p WHERE p.id = ANY($1::uuid[])`, [uuidKeys(ids)])) as HeadlessParcelRow[],
    (row) => row.id,
    BY_UUID,
  );
  // Newest first per waybill; keys of one size share a statement (a level asks with one `first`).
  const headlessSearches = new DataLoader<SearchesKey, HeadlessSearchRow[], string>(
    async (keys) => {
      const bySize = new Map<number, string[]>();
      for (const key of keys) bySize.set(key.first, [...(bySize.get(key.first) ?? []), key.waybillNo]);
      const found = new Map<string, HeadlessSearchRow[]>();
      for (const [first, numbers] of bySize) {
        const rows = (await ds.query(
          `SELECT ${HEADLESS_SEARCH_COLUMNS} FROM unnest($1::text[]) AS n(waybill_no)
             CROSS JOIN LATERAL (SELECT * FROM headless_search x WHERE x.waybill_no = n.waybill_no ORDER BY x.searched_at DESC, x.id DESC LIMIT $2) s`,
          [[...new Set(numbers)], first],
        )) as HeadlessSearchRow[];
        for (const row of rows) found.set(`${first}|${row.waybillNo}`, [...(found.get(`${first}|${row.waybillNo}`) ?? []), row]);
      }
      return keys.map((key) => found.get(`${key.first}|${key.waybillNo}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.first}|${key.waybillNo}`, maxBatchSize: 1000 },
  );
  const headlessProposals = groupedLoader<string, HeadlessProposalRow>(
    async (ids) => (await ds.query(`SELECT ${HEADLESS_PROPOSAL_COLUMNS} FROM headless_match_proposal m WHERE m.search_id = ANY($1::uuid[]) ORDER BY m.search_id, m.rank`, [uuidKeys(ids)])) as HeadlessProposalRow[],
    (row) => row.searchId,
    BY_UUID,
  );
  return { headlessParcel, headlessSearches, headlessProposals };
}
