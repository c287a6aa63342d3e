import { newWaybillFields as newWaybill } from './waybill.test-helper';
import { validateNewWaybill, type NewWaybillFields } from './waybill.validation';

const now = new Date('2024-03-20T04:00:00Z');
const codes = (over: Partial<NewWaybillFields>) => {
  const result = validateNewWaybill(newWaybill(over), now);
  return result.ok ? [] : result.reasons.map((r) => `${r.field}:${r.code}`);
};

describe('new waybill validation (下单校验)', () => {
  it('normalises a valid waybill: number, phones, lane, outlet ids', () => {
    const input = newWaybill({ waybillNo: ' cd 000000000019 ', originOutletId: 'AAAAAAAA-0000-4000-8000-000000000001' });
    const result = validateNewWaybill({ ...input, sender: { ...input.sender, phone: '+86 138-1234-1234' } }, now);
    expect(result).toMatchObject({
      ok: true,
      waybill: { waybillNo: 'CD000000000019', laneKey: '440300-110100', originOutletId: 'aaaaaaaa-0000-4000-8000-000000000001', sender: { phone: '13812341234' }, createdAt: now },
    });
  });

  it.each<[string, Partial<NewWaybillFields>, string[]]>([
    ['a wrong check digit', { waybillNo: 'CD000000000018' }, ['waybillNo:INVALID_WAYBILL_NO']],
    ['an empty sender name', { sender: { name: ' ', phone: '13812341234', districtCode: '440305', address: 'x路1号' } }, ['sender.name:EMPTY_NAME']],
    ['a province as district', { recipient: { name: '李四', phone: '13998765432', districtCode: '440000', address: 'x路1号' } }, ['recipient.districtCode:INVALID_DISTRICT_CODE']],
    ['no address', { recipient: { name: '李四', phone: '13998765432', districtCode: '110105', address: '  ' } }, ['recipient.address:INVALID_WAYBILL_INPUT']],
    ['an unknown service level', { serviceLevel: 'OVERNIGHT' as never }, ['serviceLevel:INVALID_WAYBILL_INPUT']],
    ['fractional fen', { freightFen: 12.5 }, ['freightFen:INVALID_WAYBILL_INPUT']],
    ['negative declared value', { declaredValueFen: -1, insuredValueFen: 0 }, ['declaredValueFen:INVALID_WAYBILL_INPUT']],
    ['insurance above the value', { declaredValueFen: 100, insuredValueFen: 200 }, ['insuredValueFen:INSURED_ABOVE_DECLARED']],
    ['a tonne and a gram', { weightGrams: 1_000_001 }, ['weightGrams:INVALID_WAYBILL_INPUT']],
    ['an order from the future', { createdAt: new Date(now.getTime() + 3_600_000) }, ['createdAt:INVALID_WAYBILL_INPUT']],
    ['goods described in 201 characters (托寄物)', { contents: '鞋'.repeat(201) }, ['contents:INVALID_WAYBILL_INPUT']],
    ['outlet ids that are none', { originOutletId: 'o-1', destinationOutletId: '' }, ['originOutletId:INVALID_REFERENCE_ID', 'destinationOutletId:INVALID_REFERENCE_ID']],
  ])('refuses %s', (_name, over, expected) => expect(codes(over)).toEqual(expected));

  it('keeps the goods description (托寄物) collapsed, null when blank', () => {
    const kept = (contents: string | null) => { const r = validateNewWaybill(newWaybill({ contents }), now); return r.ok ? r.waybill.contents : 'refused'; };
    expect([kept(' 蓝色纸箱\n 运动鞋 '), kept('   '), kept(null), kept('鞋'.repeat(200))]).toEqual(['蓝色纸箱 运动鞋', null, null, '鞋'.repeat(200)]);
  });

  it('reports every reason at once', () => {
    expect(codes({ waybillNo: 'X', weightGrams: 0, freightFen: -1 })).toEqual(['waybillNo:INVALID_WAYBILL_NO', 'weightGrams:INVALID_WAYBILL_INPUT', 'freightFen:INVALID_WAYBILL_INPUT']);
  });
});
