import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { platformError } from './errors';

/** Largest page any connection serves; the gateway's cost estimate reads `first`, resolvers enforce the cap. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Demand control (`@listSize`, Federation 2.9) for a field returning a connection: its `edges`
 * hold `first` items, or the default page when `first` is absent. The gateway multiplies the
 * cost of everything under `edges` by that number.
 */
export const CONNECTION_SIZE = `@listSize(assumedSize: ${DEFAULT_PAGE_SIZE}, slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)`;

/**
 * Demand control for a list without arguments whose length a rule bounds: the gateway assumes
 * `max` items. Only for short lists with an enforced bound; lists that grow are connections.
 */
export const listSize = (max: number): string => `@listSize(assumedSize: ${max})`;

/** Relay page info. */
// @shareable on purpose: every subgraph serves connections, and PageInfo means the same everywhere.
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its connection (Relay).' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Forward pagination arguments (`first`, `after`). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

/** One page of nodes with their cursors. */
export interface Page<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type, the shape
 * frontends (Relay, Apollo Client) expect.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return Connection;
}

/** Validates and defaults the page size. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw platformError('INVALID_PAGE_SIZE', `first must be between 1 and ${max}`);
  }
  return first;
}

/** Opaque keyset cursor: the sort key values of the row, base64url-encoded JSON. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, arity: number): (string | number | null)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through to the error below
  }
  throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
}

/**
 * Builds a page from rows fetched with `LIMIT size + 1` (the extra row only tells whether a
 * next page exists).
 */
export function toPage<R, T>(rows: readonly R[], size: number, after: string | null | undefined, cursorOf: (row: R) => string, toNode: (row: R) => T): Page<T> {
  const pageRows = rows.slice(0, size);
  const edges = pageRows.map((row) => ({ node: toNode(row), cursor: cursorOf(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** The same page with each node turned into its schema type. */
export function mapPage<R, T>(page: Page<R>, toNode: (row: R) => T): Page<T> {
  return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })) };
}
