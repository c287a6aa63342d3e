export * from './gateway.context';
export * from './gateway.errors';
export * from './gateway.server';
export * from './introspection.plugin';
export * from './subgraph-data-source';
export { GRAPHIQL_ASSET_PATHS } from './ide/graphiql';
