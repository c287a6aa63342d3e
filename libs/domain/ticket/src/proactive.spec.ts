import { thrownCode } from '@courierdesk/domain-core/testing';
import { ANOMALY_CODES, AnomalyCode } from '@courierdesk/domain-parcel';
import { PROACTIVE_RULES, ProactiveAnomaly, proactiveTicketFor } from './proactive';
import { isReasonForKind } from './ticket-reason';

const waybill = { originOutletId: 'origin', destinationOutletId: 'destination' };
const hub = { kind: 'TRANSIT_CENTRE', id: 'hub-7' } as const;
const other = { kind: 'OUTLET', id: 'outlet-9' } as const;

describe('proactiveTicketFor (主动预警工单)', () => {
  it.each([
    ['STALLED_AT_HUB', hub, 'URGE', 'NO_SCAN_UPDATE', 'NORMAL', hub],
    ['STALLED_AT_HUB', null, 'URGE', 'NO_SCAN_UPDATE', 'NORMAL', { kind: 'OUTLET', id: 'origin' }],
    ['STALLED_AT_HUB', other, 'URGE', 'NO_SCAN_UPDATE', 'NORMAL', { kind: 'OUTLET', id: 'origin' }],
    ['STALLED_AT_OUTLET', other, 'URGE', 'NO_SCAN_UPDATE', 'NORMAL', other],
    ['STALLED_AT_OUTLET', null, 'URGE', 'NO_SCAN_UPDATE', 'NORMAL', { kind: 'OUTLET', id: 'destination' }],
    ['NO_PICKUP_SCAN', null, 'URGE', 'NO_PICKUP_SCAN', 'NORMAL', { kind: 'OUTLET', id: 'origin' }],
    ['NO_PICKUP_SCAN', other, 'URGE', 'NO_PICKUP_SCAN', 'NORMAL', { kind: 'OUTLET', id: 'origin' }],
    ['REPEATED_DELIVERY_FAILURE', other, 'URGE', 'DELIVERY_FAILED_REPEATEDLY', 'HIGH', other],
    ['REPEATED_DELIVERY_FAILURE', null, 'URGE', 'DELIVERY_FAILED_REPEATEDLY', 'HIGH', { kind: 'OUTLET', id: 'destination' }],
    ['SIGNED_BY_OTHER', other, 'SIGNED_NOT_RECEIVED', 'SIGNED_BY_OTHER', 'HIGH', other],
    ['SIGNED_BY_OTHER', hub, 'SIGNED_NOT_RECEIVED', 'SIGNED_BY_OTHER', 'HIGH', { kind: 'OUTLET', id: 'destination' }],
    ['SIGNED_WITHOUT_OUT_FOR_DELIVERY', null, 'SIGNED_NOT_RECEIVED', 'PREMATURE_SIGN_OFF', 'HIGH', { kind: 'OUTLET', id: 'destination' }],
    ['SIGNED_WITHOUT_OUT_FOR_DELIVERY', other, 'SIGNED_NOT_RECEIVED', 'PREMATURE_SIGN_OFF', 'HIGH', other],
    ['NOT_ARRIVED_AT_FINAL_OUTLET', hub, 'URGE', 'NOT_ARRIVED_AT_FINAL_OUTLET', 'NORMAL', { kind: 'OUTLET', id: 'destination' }],
    ['NOT_ARRIVED_AT_FINAL_OUTLET', null, 'URGE', 'NOT_ARRIVED_AT_FINAL_OUTLET', 'NORMAL', { kind: 'OUTLET', id: 'destination' }],
  ] as const)('%s at %o → %s / %s / %s for %o', (code, location, kind, reason, priority, responsible) => {
    const ticket = proactiveTicketFor({ code, location }, waybill);
    expect(ticket).toMatchObject({ kind, reason, priority, channel: 'PROACTIVE', responsible });
    expect(ticket.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has a rule for every anomaly code, each with a reason its kind allows', () => {
    expect(Object.keys(PROACTIVE_RULES).sort()).toEqual([...ANOMALY_CODES].sort());
    for (const code of ANOMALY_CODES) {
      const ticket = proactiveTicketFor({ code, location: null }, waybill);
      expect([code, isReasonForKind(ticket.kind, ticket.reason)]).toEqual([code, true]);
    }
  });

  it('refuses an anomaly code it does not know', () =>
    expect(thrownCode(() => proactiveTicketFor({ code: 'ON_FIRE' as AnomalyCode, location: null } as ProactiveAnomaly, waybill))).toBe('UNKNOWN_ANOMALY_CODE'));
});
