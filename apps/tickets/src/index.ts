import 'reflect-metadata';

export { startTicketsSubgraph, TICKETS_SUBGRAPH, DEFAULT_PROACTIVE_MS } from './tickets.subgraph';
export type { TicketsSubgraphOptions, RunningTicketsSubgraph } from './tickets.subgraph';
export { buildTicketsSchema } from './schema';
export { createTicketsServices } from './tickets.services';
export type { TicketsServices, TicketsServiceOptions } from './tickets.services';
export { TICKETS_DB_SCHEMA, TICKETS_ENTITIES, TICKETS_MIGRATIONS } from './tickets.entities';
export { TicketsError, TICKETS_ERROR_CODES } from './common/tickets.errors';
export { GraphWaybillDirectory, type WaybillDirectory, type WaybillFacts } from './graph/waybill-facts';
export { NOT_PERSONAL_DATA as TICKETS_NOT_PERSONAL_DATA } from './common/not-personal-data';
