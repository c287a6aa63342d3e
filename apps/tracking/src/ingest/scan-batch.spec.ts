import { distinctNumbers, judgeScans, waybillNumbersOf, type ScanInput } from './scan-batch';

const now = new Date('2024-03-20T04:00:00Z');
const NO = 'CD000000000019';
const HUB = 'aaaaaaaa-0000-4000-8000-000000000001';
const scan = (over: Partial<ScanInput> = {}): ScanInput => ({ eventId: 'e-1', waybillNo: NO, type: 'ARRIVED_AT_HUB', eventTime: '2024-03-19T10:00:00+08:00', location: { kind: 'HUB', id: HUB }, ...over });
const waybills = new Map([[NO, { createdAt: new Date('2024-03-18T00:00:00Z') }]]);
const judged = (inputs: ScanInput[]) => judgeScans(inputs, waybills, now).results.map((r) => [r.status, r.reasons.map((x) => x.code)]);

describe('judging a scan batch in memory', () => {
  it('loads only well-formed numbers, once', () => {
    expect(distinctNumbers(waybillNumbersOf([scan(), scan({ waybillNo: ' cd000000000019 ' }), scan({ waybillNo: 'junk' })]))).toEqual([NO]);
  });

  it('keeps the first of equal scans and calls the rest DUPLICATE', () => {
    // ACCEPTED provisionally: the INSERT tells it from a resend of an earlier call.
    expect(judged([scan(), scan({ waybillNo: 'cd 000000000019' }), scan({ eventId: 'e-2' })])).toEqual([
      ['ACCEPTED', []],
      ['DUPLICATE', []],
      ['ACCEPTED', []],
    ]);
  });

  it.each<[string, Partial<ScanInput>, string[]]>([
    ['no event id', { eventId: '' }, ['INVALID_EVENT_ID']],
    ['an event id too long', { eventId: 'x'.repeat(65) }, ['INVALID_EVENT_ID']],
    ['an unknown waybill', { waybillNo: 'CD000000000027' }, ['UNKNOWN_WAYBILL']],
    ['a location id that is none', { location: { kind: 'HUB', id: 'hub-7' } }, ['INVALID_REFERENCE_ID']],
    ['a courier id that is none', { courierId: 'c-7' }, ['INVALID_REFERENCE_ID']],
    ['a NUL', { note: 'a\u0000b' }, ['INVALID_CHARACTERS']],
    ['a time before the waybill', { eventTime: '2024-03-01T10:00:00+08:00' }, ['EVENT_TIME_BEFORE_CREATION']],
  ])('rejects %s', (_name, over, expected) => expect(judged([scan(over)])).toEqual([['REJECTED', expected]]));
});
