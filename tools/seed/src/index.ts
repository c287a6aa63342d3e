export { generateNetworkDemo, DEFAULT_DEMO_PROVINCES, BIG_DISTRICT_STREETS, DEMO_HQ_HOTLINE } from './network-demo';
export type * from './network-demo.types';
export { uuidV5, demoId, DEMO_NAMESPACE } from './deterministic-id';
export { loadNetworkDemo, networkIsEmpty } from './load-network-demo';
export type { NetworkLoadCounts } from './load-network-demo';
