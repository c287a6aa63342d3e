export { generateNetworkDemo, DEFAULT_DEMO_PROVINCES, BIG_DISTRICT_STREETS, DEMO_HQ_HOTLINE } from './network-demo';
export type * from './network-demo.types';
export { uuidV5, demoId, DEMO_NAMESPACE } from './deterministic-id';
export { Random } from './prng';
export { loadNetworkDemo, networkIsEmpty } from './load-network-demo';
export type { NetworkLoadCounts } from './load-network-demo';
export { generateTrackingDemo, TrackingHistoryGenerator, resolveTrackingDemoOptions, SCENARIO_WEIGHTS } from './tracking-demo';
export { JourneyScenario } from './tracking-demo.types';
export type {
  TrackingDemo,
  TrackingDemoOptions,
  ResolvedTrackingDemoOptions,
  TrackingDemoCounts,
  DemoWaybill,
  DemoParty,
  DemoScanEvent,
  WaybillHistory,
} from './tracking-demo.types';
export { loadTrackingDemo, trackingIsEmpty } from './load-tracking-demo';
export type { TrackingLoadCounts } from './load-tracking-demo';
export { loadTrackingVolume, CopySink, copyTextLine } from './tracking-volume';
export type { TrackingVolumeOptions, TrackingVolumeProgress, TrackingVolumeResult } from './tracking-volume';
export { rowsOf, scanEventRow, waybillRow, laneTransitTimeRow, trackedStateOf, WAYBILL_COLUMNS, SCAN_EVENT_COLUMNS, LANE_TRANSIT_TIME_COLUMNS } from './tracking-rows';
export type { CellValue, ColumnList } from './tracking-rows';
export { planTicketsDemo, DEMO_AGENT } from './tickets-demo';
export type { TicketDemoWaybill, TicketsDemoPlan, TicketsDemoOptions, DemoTicketCase, DemoStep, DemoActor, DemoMerge, DemoOpenInput } from './tickets-demo';
export { loadTicketsDemo, readTicketDemoWaybills, ticketsIsEmpty, WaybillRowsDirectory } from './load-tickets-demo';
export type { TicketsLoadCounts, TicketsDemoLoadOptions } from './load-tickets-demo';
export { planClaimsDemo } from './claims-demo';
export type { ClaimDemoWaybill, ClaimDemoTicket, ClaimsDemoPlan, ClaimsDemoOptions, DemoClaimCase, DemoClaimInput, DemoClaimEvidence, DemoFindings, DemoDisputedFine } from './claims-demo';
export { loadClaimsDemo, loadOverchargeClaimDemo, claimsIsEmpty, readClaimDemoWaybills, readClaimDemoTickets, TrackingRowsWaybillDirectory, TicketRowsDirectory } from './load-claims-demo';
export type { ClaimsLoadCounts, ClaimsDemoLoadOptions } from './load-claims-demo';
export { loadRuleVersions, loadOverchargeDemo, loadHeadlessDemo, OVERCHARGED_DEMO_WAYBILL } from './load-everyday-demo';
export type { RuleVersionCounts, HeadlessDemoCounts } from './load-everyday-demo';
