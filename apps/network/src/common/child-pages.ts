export { childPagesLoader, type ChildListing, type ChildPageKey } from '@courierdesk/platform-subgraph';

/**
 * SQL selecting the ids of at most `:limit` children per parent of `:parentIds`: a LATERAL
 * subquery per parent walks the (parent, sort key) index and stops at the limit, where a window
 * over whole partitions would read every child of a large parent. Use it as `alias.id IN (…)`.
 */
export function lateralPage(table: string, parentColumn: string, orderBy: string, conditions: readonly string[]): string {
  const where = [`t.${parentColumn} = p.id`, ...conditions].join(' AND ');
  return `SELECT x.id FROM unnest(CAST(:parentIds AS uuid[])) AS p(id) CROSS JOIN LATERAL (SELECT t.id FROM ${table} t WHERE ${where} ORDER BY ${orderBy} LIMIT :limit) x`;
}
