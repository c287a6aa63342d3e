import type { NewWaybillFields } from './waybill.validation';

/** For specs: a valid new waybill (Shenzhen → Beijing), with the given fields replaced. */
export function newWaybillFields(over: Partial<NewWaybillFields> = {}): NewWaybillFields {
  return {
    waybillNo: 'CD000000000019',
    serviceLevel: 'STANDARD',
    sender: { name: '张三', phone: '13812341234', districtCode: '440305', address: '科技园路12号3栋501室' },
    recipient: { name: '李四', phone: '13998765432', districtCode: '110105', address: '建国路88号SOHO现代城5号楼1201' },
    originOutletId: '0b6f7f5e-3c1d-4e0a-9d55-6f1d2a3b4c01',
    destinationOutletId: '0b6f7f5e-3c1d-4e0a-9d55-6f1d2a3b4c02',
    weightGrams: 1200,
    declaredValueFen: 19_900,
    insuredValueFen: 10_000,
    freightFen: 1_800,
    ...over,
  };
}
