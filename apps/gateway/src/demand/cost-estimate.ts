import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isLeafType,
  isListType,
  Kind,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { CostDirectives, ListSize } from './cost-directives';

/**
 * Items assumed for a list nobody annotated. Every list of the graph carries `@listSize`
 * (a test checks), so this only covers lists a future subgraph forgets: as many as a page holds.
 */
export const UNANNOTATED_LIST_SIZE = 100;

/** Apollo's default weight of a mutation's root field: writes cost more than reads. */
export const MUTATION_WEIGHT = 10;

/** One operation to estimate, as the client sent it. */
export interface CostQuery {
  readonly document: DocumentNode;
  readonly operationName?: string | null;
  readonly variables?: Readonly<Record<string, unknown>> | null;
}

type Coerced = Record<string, unknown>;

/** Items a list field holds: its slicing argument (largest given), else its assumed size. */
function itemsOf(spec: ListSize | undefined, args: Coerced): number {
  const sliced = (spec?.slicingArguments ?? []).map((name) => args[name]).filter((v): v is number => typeof v === 'number');
  if (sliced.length > 0) return Math.max(0, ...sliced);
  return spec?.assumedSize ?? UNANNOTATED_LIST_SIZE;
}

/**
 * The slicing arguments' values of one field: literal, from a (coerced) variable, or the
 * argument's default. Only these are read, so a huge input argument beside them costs nothing.
 */
function slicingValues(field: GraphQLField<unknown, unknown>, node: FieldNode, names: readonly string[], variables: Coerced): Coerced {
  const values: Coerced = {};
  for (const name of names) {
    const def = field.args.find((a) => a.name === name);
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!def) continue;
    if (!arg) values[name] = def.defaultValue;
    else if (arg.value.kind === Kind.VARIABLE) values[name] = variables[arg.value.name.value] ?? def.defaultValue;
    else values[name] = valueFromAST(arg.value, def.type, variables);
  }
  return values;
}

/** Fields named `names` directly under a selection set, through inline fragments and fragment spreads. */
function childFields(set: SelectionSetNode, names: readonly string[], fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: Set<string>): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return names.includes(selection.name.value) ? [selection] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return childFields(selection.selectionSet, names, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    return childFields(fragment.selectionSet, names, fragments, new Set([...seen, fragment.name.value]));
  });
}

/**
 * The size each `sizedFields` child gets from its parent's slicing argument (a connection's
 * `edges` hold `first` items). graphql-query-complexity hands an estimator only its own field's
 * arguments, so these are read first. A fragment spread under two connections keeps the larger.
 */
function sizedFieldItems(schema: GraphQLSchema, document: DocumentNode, directives: CostDirectives, variables: Coerced): WeakMap<FieldNode, number> {
  const sizes = new WeakMap<FieldNode, number>();
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const spec = parent && field ? directives.listSizes.get(`${parent.name}.${field.name}`) : undefined;
        if (!field || !spec || spec.sizedFields.length === 0 || !node.selectionSet) return;
        const items = itemsOf(spec, slicingValues(field, node, spec.slicingArguments, variables));
        for (const child of childFields(node.selectionSet, spec.sizedFields, fragments, new Set())) {
          sizes.set(child, Math.max(sizes.get(child) ?? 0, items));
        }
      },
    }),
  );
  return sizes;
}

/**
 * Estimates what an operation may return, before it runs, the way Apollo Router's demand control
 * and the IBM GraphQL cost spec do: each object costs its weight (1 unless `@cost` says otherwise;
 * scalars and enums 0; a mutation's root field {@link MUTATION_WEIGHT}) plus the cost of its
 * selections, and a list multiplies that by its size — `first`/`limit` with variables resolved
 * and defaults applied, else the declared `@listSize(assumedSize:)`. Abstract types cost their
 * most expensive possible type. With default weights the estimate bounds the number of objects
 * in the response. Returns null when the variables do not fit the operation (the gateway refuses
 * such requests itself before planning).
 */
export function estimateCost(schema: GraphQLSchema, directives: CostDirectives, query: CostQuery): number | null {
  const operation = getOperationAST(query.document, query.operationName ?? undefined);
  if (!operation) return null;
  const variables = { ...(query.variables ?? {}) };
  // Sizes and @skip/@include read only single Int and Boolean values: coerce just the leaf
  // variables here, not a 1,000-scan upload (graphql-query-complexity coerces them all anyway).
  const leaves = (operation.variableDefinitions ?? []).filter((d) => {
    const type = typeFromAST(schema, d.type as never);
    return type !== undefined && isLeafType(getNullableType(type));
  });
  const coerced = getVariableValues(schema, leaves, variables);
  if (coerced.errors) return null;
  const sized = sizedFieldItems(schema, query.document, directives, coerced.coerced);
  const mutationType = schema.getMutationType();
  const estimator: ComplexityEstimator = ({ type, field, node, args, childComplexity }) => {
    // Introspection and __typename: answered by the gateway from the schema, bounded by its size.
    if (field.name.startsWith('__')) return 0;
    const key = `${type.name}.${field.name}`;
    const named = getNamedType(field.type);
    const defaultWeight = type === mutationType ? MUTATION_WEIGHT : isCompositeType(named) ? 1 : 0;
    const weight = directives.fieldWeights.get(key) ?? directives.typeWeights.get(named.name) ?? defaultWeight;
    const items = isListType(getNullableType(field.type)) ? (sized.get(node) ?? itemsOf(directives.listSizes.get(key), args)) : 1;
    return items * (weight + childComplexity);
  };
  try {
    return getComplexity({ schema, query: query.document, operationName: operation.name?.value, variables, estimators: [estimator] });
  } catch (err) {
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return null;
    throw err;
  }
}
