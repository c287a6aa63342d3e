import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity as identity } from '@courierdesk/testing';

/** Callers the tests act as. */
export const as = {
  admin: () => identity('admin-1', [Role.ADMIN], [Scope.TRACKING_READ, Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY, Scope.PERSONAL_DATA]),
  /** HQ agent (总部客服): reads every waybill, personal data whole. */
  agent: () => identity('agent-1', [Role.AGENT], [Scope.TRACKING_READ, Scope.PERSONAL_DATA]),
  /** Analyst: reads every waybill, personal data masked. */
  analyst: () => identity('analyst-1', [Role.ANALYST], [Scope.TRACKING_READ]),
  /** Partner outlet (加盟网点): its own outlet's waybills only. */
  partner: (outletId: string) => identity(`partner-${outletId}`, [Role.OUTLET_PARTNER], [Scope.TRACKING_READ, Scope.PERSONAL_DATA], outletId),
  /** A hub scanner or HQ order system: ingest anywhere (tracking:ingest:any), no reading. */
  scanner: () => identity('scanner-1', [Role.SCANNER], [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY]),
  /** A scanner with neither an outlet nor network-wide reach: records no scans, creates no waybills. */
  bareScanner: () => identity('scanner-2', [Role.SCANNER], [Scope.TRACKING_INGEST]),
  /** Another subgraph on its own behalf (服务账号), e.g. the tickets subgraph's anomaly consumer: reads the anomaly feed. */
  service: () => identity('service-tickets', [Role.SERVICE], [Scope.TRACKING_READ, Scope.TRACKING_EVENTS]),
  /** An outlet's scanner (网点巴枪): a partner's device, bound to its outlet. */
  outletScanner: (outletId: string) => identity(`pda-${outletId}`, [Role.OUTLET_PARTNER, Role.SCANNER], [Scope.TRACKING_INGEST], outletId),
};
