import type { GatewayReason } from './gateway.reasons';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Message and code for a part of the graph that did not answer: partial data, no internals. */
export const SERVICE_UNAVAILABLE = { code: 'SERVICE_UNAVAILABLE', message: 'Part of the graph is temporarily unavailable' } as const;

/** What clients see of a subgraph that could not be reached in time (or whose circuit is open). */
export const SUBGRAPH_UNAVAILABLE_EXTENSIONS = { code: SERVICE_UNAVAILABLE.code, reason: 'SUBGRAPH_UNAVAILABLE' satisfies GatewayReason, retryable: true } as const;

/**
 * One field a failed fetch left empty, in the shape of a subgraph's response error. The first of
 * a fetch carries the failure (`cause`) so that it is logged once, never sent.
 */
export class UnavailableFieldError {
  readonly message = SERVICE_UNAVAILABLE.message;
  readonly extensions = SUBGRAPH_UNAVAILABLE_EXTENSIONS;

  constructor(
    readonly path: ReadonlyArray<string | number> | undefined,
    readonly cause?: { readonly subgraph: string; readonly cause: unknown },
  ) {}
}

/**
 * The errors that stand in for the answer of a subgraph that could not be reached: one per field
 * the fetch asked for, with its path in the subgraph's response — each root field, or
 * `_entities[i].field` for every entity — so that @apollo/gateway's own path mapping (the one it
 * applies to a subgraph's errors) puts each error on a field the client is missing, list indices
 * included. A client with partial data can tell exactly what is absent.
 */
export function unavailableFieldErrors(
  document: DocumentNode,
  representations: ReadonlyArray<{ __typename?: unknown }> | undefined,
  cause: UnavailableFieldError['cause'],
): UnavailableFieldError[] {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const paths: Array<Array<string | number>> = [];
  const entities = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (entities?.kind === Kind.FIELD && entities.selectionSet && representations) {
    representations.forEach((representation, index) => {
      const typename = typeof representation.__typename === 'string' ? representation.__typename : undefined;
      const fields = responseKeys(entities.selectionSet!, fragments, typename);
      // No field of its own (an abstract type condition): the entity as a whole is missing.
      if (fields.size === 0) paths.push(['_entities', index]);
      for (const field of fields) paths.push(['_entities', index, field]);
    });
  } else if (operation) {
    for (const field of responseKeys(operation.selectionSet, fragments)) paths.push([field]);
  }
  if (paths.length === 0) return [new UnavailableFieldError(undefined, cause)];
  return paths.map((path, i) => new UnavailableFieldError(path, i === 0 ? cause : undefined));
}

/** Response keys (alias or name) selected on `typename` (on any type when absent), through fragments. */
function responseKeys(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, typename?: string, into = new Set<string>()): Set<string> {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') into.add(selection.alias?.value ?? selection.name.value);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    const on = fragment?.typeCondition?.name.value;
    if (fragment && (typename === undefined || on === undefined || on === typename)) responseKeys(fragment.selectionSet, fragments, typename, into);
  }
  return into;
}
