import { thrownCode as reasonOf } from '@courierdesk/domain-core/testing';
import { scansOfBatch } from './scan-columns';

const columns = {
  eventIds: ['e1', 'e2', 'e3'],
  waybillNos: ['CD000000000018', 'CD000000000018', 'CD000000000026'],
  types: ['ARRIVED_AT_HUB', 'SIGNED', 'DELIVERY_FAILED'],
  eventTimes: ['2026-11-30T08:00:00+08:00', '2026-11-30T09:00:00+08:00', '2026-11-30T10:00:00+08:00'],
  locationKinds: ['HUB', null, 'OUTLET'],
  locationIds: ['h1', null, null],
  signerKinds: [null, 'GUARD', null],
  signerNames: [null, '王门卫', '无主'],
  failureReasons: [null, null, 'RECIPIENT_ABSENT'],
};

describe('scansOfBatch (列式上传)', () => {
  it('makes scan i of entry i of every column, in order', () => {
    const scans = scansOfBatch({ columns }, 1000);
    expect(scans.map((s) => [s.eventId, s.waybillNo, s.type, s.eventTime])).toEqual(
      columns.eventIds.map((id, i) => [id, columns.waybillNos[i], columns.types[i], columns.eventTimes[i]]),
    );
    expect(scans[0]).toMatchObject({ location: { kind: 'HUB', id: 'h1' }, signer: null, courierId: null, note: null, problemCode: null });
    expect(scans[1]).toMatchObject({ location: null, signer: { kind: 'GUARD', name: '王门卫' } });
  });

  it('keeps half a location or a name without a kind, for validation to name the missing field', () => {
    const [, , third] = scansOfBatch({ columns }, 1000);
    expect(third).toMatchObject({ location: { kind: 'OUTLET', id: '' }, signer: { kind: '', name: '无主' }, failureReason: 'RECIPIENT_ABSENT' });
  });

  it('passes objects through untouched', () => {
    const events = [{ eventId: 'x', waybillNo: 'CD000000000018', type: 'PICKED_UP', eventTime: '2026-11-30T08:00:00+08:00' }];
    expect(scansOfBatch({ events }, 1000)).toBe(events);
  });

  it.each([
    ['neither shape', {}, 'INVALID_SCAN_BATCH'],
    ['both shapes', { events: [], columns }, 'INVALID_SCAN_BATCH'],
    ['a short required column', { columns: { ...columns, types: ['PICKED_UP'] } }, 'INVALID_SCAN_BATCH'],
    ['a long optional column', { columns: { ...columns, notes: [null, null, null, null] } }, 'INVALID_SCAN_BATCH'],
    ['more columns entries than allowed', { columns }, 'TOO_MANY_EVENTS', 2],
    ['more objects than allowed', { events: [{}, {}, {}] as never[] }, 'TOO_MANY_EVENTS', 2],
  ])('refuses %s', (_, input, reason, max = 1000) => {
    expect(reasonOf(() => scansOfBatch(input as never, max))).toBe(reason);
  });
});
