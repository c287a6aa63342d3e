import DataLoader from 'dataloader';
import { platformError } from './errors';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from './pagination';

/** One page of one parent's children, as a connection field on that parent asks for it. */
export interface ChildPageKey {
  readonly parentId: string;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** How to list one relation's children, a page per parent. */
export interface ChildListing<K extends ChildPageKey, R> {
  /**
   * The rows of at most `limit` children per parent, after the keyset `after` (the sort key of
   * the last row of the previous page) when given, in one statement (see {@link lateralPage}).
   */
  fetch(parentIds: string[], limit: number, after: (string | number | null)[] | null, key: K): Promise<R[]>;
  parentOf(row: R): string;
  /** The row's sort key, unique within a parent: its cursor. */
  sortKey(row: R): (string | number | null)[];
  /** How many values the sort key has. */
  readonly sortKeyLength: number;
  /** False for cursor values the statement could not compare (a uuid that is not one). */
  validAfter?(values: (string | number | null)[]): boolean;
}

/** Everything of a key but its parent: keys of one shape share a statement. */
const shapeOf = ({ parentId: _parent, ...rest }: ChildPageKey): string => JSON.stringify(rest, Object.keys(rest).sort());

/**
 * Per-request loader of connection pages under many parents (the couriers of fifty outlets):
 * keys asking for the same page shape (`first`, `after`, filters) become one statement, and each
 * parent gets its own page with its own `hasNextPage`. A bad `first` or cursor fails only the
 * keys that carry it.
 */
export function childPagesLoader<K extends ChildPageKey, R>(listing: ChildListing<K, R>): DataLoader<K, Page<R>, string> {
  return new DataLoader<K, Page<R>, string>(
    async (keys) => {
      const shapes = new Map<string, K[]>();
      for (const key of keys) shapes.set(shapeOf(key), [...(shapes.get(shapeOf(key)) ?? []), key]);
      const pages = new Map<string, Page<R> | Error>();
      for (const [shape, group] of shapes) {
        const [sample] = group;
        try {
          const size = pageSize(sample.first);
          const after = sample.after ? decodeCursor(sample.after, listing.sortKeyLength) : null;
          if (after && listing.validAfter && !listing.validAfter(after)) throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
          const parentIds = [...new Set(group.map((k) => k.parentId))];
          const byParent = new Map<string, R[]>(parentIds.map((id) => [id, []]));
          for (const row of await listing.fetch(parentIds, size + 1, after, sample)) byParent.get(listing.parentOf(row))?.push(row);
          for (const [parentId, rows] of byParent) {
            pages.set(`${shape}|${parentId}`, toPage(rows, size, sample.after, (row) => encodeCursor(listing.sortKey(row)), (row) => row));
          }
        } catch (err) {
          for (const key of group) pages.set(`${shape}|${key.parentId}`, err as Error);
        }
      }
      return keys.map((key) => pages.get(`${shapeOf(key)}|${key.parentId}`) as Page<R> | Error);
    },
    { cacheKeyFn: (key) => `${shapeOf(key)}|${key.parentId}`, maxBatchSize: 1000 },
  );
}

