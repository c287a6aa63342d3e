import type { Page } from '@courierdesk/platform-subgraph';

/** The same page with each node turned into its schema type. */
export function mapPage<R, T>(page: Page<R>, toNode: (row: R) => T): Page<T> {
  return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })) };
}
