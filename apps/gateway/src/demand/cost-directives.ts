import { Kind, parse, valueFromASTUntyped, type DefinitionNode, type DirectiveNode, type FieldDefinitionNode } from 'graphql';

/** `@listSize` of one field (Apollo demand control, IBM GraphQL cost spec). */
export interface ListSize {
  /** Items assumed when no slicing argument is given. */
  readonly assumedSize: number | null;
  /** Integer arguments whose value is the number of items (`first`, `limit`). */
  readonly slicingArguments: readonly string[];
  /** Child fields the size applies to instead of the field itself (a connection's `edges`). */
  readonly sizedFields: readonly string[];
}

/** The supergraph's demand-control annotations, by `Type.field` and by type name. */
export interface CostDirectives {
  readonly fieldWeights: ReadonlyMap<string, number>;
  readonly typeWeights: ReadonlyMap<string, number>;
  readonly listSizes: ReadonlyMap<string, ListSize>;
}

const COST_SPEC = 'https://specs.apollo.dev/cost/';

type Args = Record<string, unknown>;

const argsOf = (directive: DirectiveNode): Args =>
  Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));

/**
 * The names `@cost` and `@listSize` go by in this supergraph. Composition links the cost spec
 * (`@link(url: ".../cost/v0.1", import: ["@listSize"])`); per the core spec a directive named
 * like the feature keeps its name, an imported one its (possibly renamed) import, any other
 * is prefixed (`@cost__listSize`).
 */
function costDirectiveNames(definitions: readonly DefinitionNode[]): { cost: string; listSize: string } {
  for (const def of definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of def.directives ?? []) {
      const args = argsOf(link);
      if (link.name.value !== 'link' || typeof args.url !== 'string' || !args.url.startsWith(COST_SPEC)) continue;
      const prefix = typeof args.as === 'string' ? args.as : 'cost';
      const names = { cost: prefix, listSize: `${prefix}__listSize` };
      for (const item of (args.import as unknown[] | undefined) ?? []) {
        const { name, as } = typeof item === 'string' ? { name: item, as: item } : (item as { name: string; as?: string });
        const local = (as ?? name).replace(/^@/, '');
        if (name === '@cost') names.cost = local;
        if (name === '@listSize') names.listSize = local;
      }
      return names;
    }
  }
  return { cost: 'cost', listSize: 'listSize' };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Reads `@cost` and `@listSize` from the composed supergraph: `@apollo/gateway` plans over an API
 * schema without them and enforces neither (only Apollo Router does), so the gateway's own
 * estimate needs them from the source.
 */
export function readCostDirectives(supergraphSdl: string): CostDirectives {
  const { definitions } = parse(supergraphSdl);
  const names = costDirectiveNames(definitions);
  const fieldWeights = new Map<string, number>();
  const typeWeights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  const weightOf = (directives: readonly DirectiveNode[] | undefined): number | null => {
    const cost = directives?.find((d) => d.name.value === names.cost);
    const weight = cost && Number(argsOf(cost).weight);
    return weight !== undefined && Number.isFinite(weight) ? weight : null;
  };
  for (const def of definitions) {
    if (!('name' in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const typeWeight = weightOf('directives' in def ? def.directives : undefined);
    if (typeWeight !== null) typeWeights.set(def.name.value, typeWeight);
    const fields = ('fields' in def ? def.fields : undefined) as readonly FieldDefinitionNode[] | undefined;
    for (const field of fields ?? []) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const key = `${def.name.value}.${field.name.value}`;
      const weight = weightOf(field.directives);
      if (weight !== null) fieldWeights.set(key, weight);
      const listSize = field.directives?.find((d) => d.name.value === names.listSize);
      if (!listSize) continue;
      const args = argsOf(listSize);
      listSizes.set(key, {
        assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : null,
        slicingArguments: strings(args.slicingArguments),
        sizedFields: strings(args.sizedFields),
      });
    }
  }
  return { fieldWeights, typeWeights, listSizes };
}
