import { chinaTime } from '@courierdesk/domain-sla';
import { thrownCode } from '@courierdesk/domain-core/testing';
import { ScanEventInput, ScanValidationContext, assertValidScanEvent, validateScanEvent } from './scan-event.validation';

const now = chinaTime(2024, 3, 10, 12);
const context: ScanValidationContext = { now, waybillCreatedAt: chinaTime(2024, 3, 1, 9) };
const base: ScanEventInput = { waybillNo: 'CD123456789014', type: 'ARRIVED_AT_HUB', eventTime: chinaTime(2024, 3, 5, 8), location: { kind: 'HUB', id: 'H-SZ' } };
const codes = (input: Partial<ScanEventInput>, ctx: ScanValidationContext = context): string[] => {
  const result = validateScanEvent({ ...base, ...input }, ctx);
  return result.ok ? [] : result.reasons.map((r) => r.code);
};

describe('validateScanEvent: accepted and normalised', () => {
  const blank = { location: null, courierId: null, signer: null, failureReason: null, problemCode: null, note: null };
  it.each([
    ['a hub arrival', {}, { type: 'ARRIVED_AT_HUB', location: { kind: 'HUB', id: 'H-SZ' } }],
    ['a lowercase full-width waybill number', { waybillNo: 'ｃｄ１２３４５６７８９０１４' }, { waybillNo: 'CD123456789014' }],
    ['a pickup', { type: 'PICKED_UP', location: { kind: 'OUTLET', id: ' O-SZ-1 ' }, courierId: 'C-1' }, { location: { kind: 'OUTLET', id: 'O-SZ-1' }, courierId: 'C-1' }],
    ['out for delivery', { type: 'OUT_FOR_DELIVERY', location: { kind: 'OUTLET', id: 'O-1' }, courierId: 'C-7' }, { location: { kind: 'OUTLET', id: 'O-1' }, courierId: 'C-7' }],
    ['a signature by the guard', { type: 'SIGNED', location: null, signer: { kind: 'GUARD', name: ' 王 师傅 ' } }, { location: null, signer: { kind: 'GUARD', name: '王 师傅' } }],
    ['a locker signature without a name', { type: 'SIGNED', location: null, signer: { kind: 'LOCKER' } }, { location: null, signer: { kind: 'LOCKER', name: null } }],
    ['a failed attempt', { type: 'DELIVERY_FAILED', location: null, failureReason: 'REFUSED' }, { location: null, failureReason: 'REFUSED' }],
    ['a problem parcel', { type: 'PROBLEM_REPORTED', problemCode: 'HEADLESS', note: '  面单脱落 ' }, { problemCode: 'HEADLESS', note: '面单脱落' }],
    ['a hold with a problem code', { type: 'HELD', problemCode: 'PROHIBITED_ITEM' }, { problemCode: 'PROHIBITED_ITEM' }],
    ['a return start without location', { type: 'RETURN_STARTED', location: null }, { location: null }],
    ['an ISO time with +08:00', { eventTime: '2024-03-05T08:00:00+08:00' }, { eventTime: chinaTime(2024, 3, 5, 8) }],
    ['a clock 10 minutes fast', { eventTime: new Date(now.getTime() + 10 * 60_000) }, { eventTime: new Date(now.getTime() + 10 * 60_000) }],
    ['a scan 10 minutes before creation', { eventTime: chinaTime(2024, 3, 1, 8, 50) }, { eventTime: chinaTime(2024, 3, 1, 8, 50) }],
    // Fields that do not apply to the type are dropped, so a stored event never contradicts its type.
    ['a hub arrival with stray fields', { signer: { kind: 'GUARD' }, failureReason: 'REFUSED', problemCode: 'LOST' }, {}],
  ])('%s', (_label, input, expected) => {
    const result = validateScanEvent({ ...base, ...(input as Partial<ScanEventInput>) }, context);
    const type = (input as Partial<ScanEventInput>).type ?? base.type;
    expect(result).toEqual({ ok: true, event: { ...blank, waybillNo: 'CD123456789014', type, eventTime: base.eventTime, location: base.location, ...expected } });
  });
});

describe('validateScanEvent: rejected with reasons', () => {
  it.each([
    ['a bad waybill number', { waybillNo: 'CD123456789015' }, ['INVALID_WAYBILL_NO']],
    ['an unknown type', { type: 'TELEPORTED' }, ['UNKNOWN_SCAN_TYPE']],
    ['a hub scan without location', { location: null }, ['LOCATION_REQUIRED']],
    ['a hub scan at an outlet', { location: { kind: 'OUTLET', id: 'O-1' } }, ['LOCATION_KIND_MISMATCH']],
    ['a blank location id', { location: { kind: 'HUB', id: '  ' } }, ['INVALID_LOCATION']],
    ['out for delivery without courier', { type: 'OUT_FOR_DELIVERY', location: { kind: 'OUTLET', id: 'O-1' } }, ['COURIER_REQUIRED']],
    ['a signature without signer', { type: 'SIGNED' }, ['LOCATION_KIND_MISMATCH', 'SIGNER_REQUIRED']],
    ['an unknown signer', { type: 'SIGNED', location: null, signer: { kind: 'DOG' } }, ['UNKNOWN_SIGNER_KIND']],
    ['a failure without reason', { type: 'DELIVERY_FAILED', location: null }, ['FAILURE_REASON_REQUIRED']],
    ['a failure with an unknown reason', { type: 'DELIVERY_FAILED', location: null, failureReason: 'RAIN' }, ['UNKNOWN_FAILURE_REASON']],
    ['a problem without code', { type: 'PROBLEM_REPORTED' }, ['PROBLEM_CODE_REQUIRED']],
    ['a problem with an unknown code', { type: 'PROBLEM_REPORTED', problemCode: 'ALIENS' }, ['UNKNOWN_PROBLEM_CODE']],
    ['a time 11 minutes in the future', { eventTime: new Date(now.getTime() + 11 * 60_000) }, ['EVENT_TIME_IN_FUTURE']],
    ['a time before the waybill', { eventTime: chinaTime(2024, 3, 1, 8, 49) }, ['EVENT_TIME_BEFORE_CREATION']],
    ['a time without offset', { eventTime: '2024-03-05T08:00:00' }, ['INVALID_EVENT_TIME']],
    ['an invalid date', { eventTime: new Date('nope') }, ['INVALID_EVENT_TIME']],
    ['a long note', { note: '长'.repeat(501) }, ['TEXT_TOO_LONG']],
    ['several faults at once', { waybillNo: 'X', eventTime: 'yesterday', location: null }, ['INVALID_WAYBILL_NO', 'INVALID_EVENT_TIME', 'LOCATION_REQUIRED']],
  ])('%s', (_label, input, expected) => expect(codes(input as Partial<ScanEventInput>)).toEqual(expected));

  it('names the field and explains', () => {
    const result = validateScanEvent({ ...base, type: 'SIGNED', location: null }, context);
    expect(result).toEqual({ ok: false, reasons: [{ field: 'signer', code: 'SIGNER_REQUIRED', message: 'SIGNED needs who signed (签收人)' }] });
  });

  it('takes the tolerated skew from the context', () => {
    expect(codes({ eventTime: new Date(now.getTime() + 11 * 60_000) }, { now, maxClockSkewMinutes: 15 })).toEqual([]);
    expect(codes({ eventTime: new Date(now.getTime() + 1) }, { now, maxClockSkewMinutes: 0 })).toEqual(['EVENT_TIME_IN_FUTURE']);
  });

  it('checks creation only when the waybill is known', () => expect(codes({ eventTime: chinaTime(2023, 1, 1) }, { now })).toEqual([]));
});

describe('assertValidScanEvent', () => {
  it('returns the normalised event', () => expect(assertValidScanEvent(base, context).waybillNo).toBe('CD123456789014'));

  it('throws INVALID_SCAN_EVENT with every reason', () => {
    expect(thrownCode(() => assertValidScanEvent({ ...base, location: null }, context))).toBe('INVALID_SCAN_EVENT');
    expect(() => assertValidScanEvent({ ...base, location: null }, context)).toThrow(
      expect.objectContaining({ kind: 'BAD_USER_INPUT', details: { reasons: [expect.objectContaining({ code: 'LOCATION_REQUIRED' })] } }),
    );
  });
});
