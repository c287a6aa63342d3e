import 'reflect-metadata';

export { startClaimsSubgraph, CLAIMS_SUBGRAPH } from './claims.subgraph';
export type { ClaimsSubgraphOptions, RunningClaimsSubgraph } from './claims.subgraph';
export { buildClaimsSchema } from './schema';
export { createClaimsServices } from './claims.services';
export type { ClaimsServices, ClaimsServiceOptions } from './claims.services';
export { CLAIMS_DB_SCHEMA, CLAIMS_ENTITIES, CLAIMS_MIGRATIONS } from './claims.entities';
export { ClaimsError, CLAIMS_ERROR_CODES } from './common/claims.errors';
export { feesOf, GraphWaybillDirectory, type WaybillCharge, type WaybillDirectory, type WaybillFacts } from './graph/waybill-facts';
export { GraphTicketDirectory, type TicketDirectory, type TicketFacts } from './graph/ticket-facts';
export { decideClaimFacts } from './claim/claim-decision';
export type { ClaimFacts, EvidenceOnFile, StoredDecision } from './claim/claim-decision';
export { NOT_PERSONAL_DATA as CLAIMS_NOT_PERSONAL_DATA } from './common/not-personal-data';
export { LedgerError, LEDGER_ERROR_CODES } from './ledger/ledger.errors';
