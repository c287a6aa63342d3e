import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { Random } from '@courierdesk/seed';

/** A root field the walk may start from, with the arguments it needs (real ids of the data under test). */
export interface Entry {
  readonly field: string;
  /** Literal arguments, e.g. `id: "…"`; `first: $first` is added to connections. */
  readonly args?: string;
}

/** One generated query and its variables. */
export interface RandomOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Page sizes drawn for `first` (undefined: the default page). */
const PAGE_SIZES = [undefined, 1, 2, 5, 20, 50, 100];

/**
 * Valid read operations drawn by a seeded walk over the schema (fast-check is not installed):
 * a root field from `entries`, then at each level one to three fields, lists and connections
 * sized at random, abstract types split into inline fragments. Depth stays within the gateway's
 * depth limit so that only the cost decides; the same seed always draws the same operations.
 */
export function randomOperations(schema: GraphQLSchema, entries: readonly Entry[], count: number, seed: number, maxDepth = 8): RandomOperation[] {
  const rng = new Random(seed);
  const pageArg = (field: GraphQLField<unknown, unknown>): string[] => {
    const out: string[] = [];
    for (const arg of field.args) {
      if (arg.name === 'first') {
        const size = rng.pick(PAGE_SIZES);
        if (size !== undefined) out.push(`first: ${size}`);
      }
      if (arg.name === 'includeInactive' && rng.next() < 0.5) out.push('includeInactive: true');
      if (arg.name === 'limit') out.push(`limit: ${rng.int(1, 50)}`);
    }
    return out;
  };
  // Fields a walk may take: no required arguments below the root, no federation internals.
  const walkable = (field: GraphQLField<unknown, unknown>) => !field.name.startsWith('_') && field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

  const selection = (type: GraphQLCompositeType, depth: number): string => {
    if (isAbstractType(type)) {
      const parts = schema.getPossibleTypes(type).filter(() => rng.next() < 0.7).map((t) => `... on ${t.name} ${selection(t, depth)}`);
      return `{ __typename ${parts.join(' ')} }`;
    }
    if (!isObjectType(type)) return '{ __typename }';
    const fields = Object.values(type.getFields()).filter(walkable);
    const allowed = depth >= maxDepth ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
    if (allowed.length === 0) return '{ __typename }';
    // Nested lists more often than scalars: that is where estimate and reality can part.
    const composite = allowed.filter((f) => isCompositeType(getNamedType(f.type)));
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const wanted = rng.int(1, 3);
    for (let i = 0; i < wanted * 3 && chosen.size < wanted; i++) chosen.add(rng.pick(composite.length > 0 && rng.next() < 0.6 ? composite : allowed));
    const parts = [...chosen].map((field) => {
      const named = getNamedType(field.type);
      const args = pageArg(field);
      const head = args.length ? `${field.name}(${args.join(', ')})` : field.name;
      return isCompositeType(named) ? `${head} ${selection(named, depth + 1)}` : head;
    });
    return `{ ${parts.join(' ')} }`;
  };

  const query = schema.getQueryType()!;
  return Array.from({ length: count }, () => {
    const entry = rng.pick(entries);
    const field = query.getFields()[entry.field];
    const size = rng.pick(PAGE_SIZES);
    const paged = field.args.some((a) => a.name === 'first');
    const args = [entry.args, ...(paged ? ['first: $first'] : [])].filter(Boolean);
    const head = args.length ? `${field.name}(${args.join(', ')})` : field.name;
    const named = getNamedType(field.type);
    const body = isCompositeType(named) ? `${head} ${selection(named, 2)}` : head;
    return { query: `query Walk${paged ? '($first: Int)' : ''} { ${body} }`, variables: paged && size !== undefined ? { first: size } : {} };
  });
}

/** Objects in a value, itself included when it is one. */
function objectsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + objectsIn(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Object.values(value).reduce((sum: number, item) => sum + objectsIn(item), 0);
}

/** Objects in a response's data, the data object itself not counted: what the estimate bounds. */
export const countObjects = (data: unknown): number => objectsIn(data) - (data !== null && typeof data === 'object' ? 1 : 0);
