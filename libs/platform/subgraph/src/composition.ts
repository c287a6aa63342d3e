import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

/** One subgraph to compose: its name, the URL written into the supergraph, its schema. */
export interface SubgraphDefinition {
  readonly name: string;
  readonly url: string;
  readonly schema: GraphQLSchema;
}

/** Thrown when the subgraphs do not compose; lists every composition error. */
export class CompositionError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`Supergraph composition failed:\n${errors.map((e) => `- ${e}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the supergraph SDL offline, from schemas printed in code (no servers, no `_service`). */
export function composeSupergraph(subgraphs: readonly SubgraphDefinition[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(printSubgraphSchema(s.schema)) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}
