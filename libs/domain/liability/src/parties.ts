import type { ScanLocation } from '@courierdesk/domain-parcel';

/** A party to a shipment or a claim (当事方). */
export const Party = {
  /** The sender, the carrier's contracting party (寄件人/托运人). */
  SHIPPER: 'SHIPPER',
  /** The recipient (收件人). */
  CONSIGNEE: 'CONSIGNEE',
  /** The express network (承运人/快递企业); internally one of its outlets or transit centres. */
  CARRIER: 'CARRIER',
  /** The merchant or platform under a 7-day no-reason return (商家/平台, 七天无理由退货). */
  MERCHANT_OR_PLATFORM: 'MERCHANT_OR_PLATFORM',
} as const;
/** A party to a shipment or a claim (当事方). */
export type Party = (typeof Party)[keyof typeof Party];

/** Chinese names of the parties, for explanations. */
export const PARTY_NAMES_ZH: Readonly<Record<Party, string>> = {
  SHIPPER: '寄件人',
  CONSIGNEE: '收件人',
  CARRIER: '快递公司',
  MERCHANT_OR_PLATFORM: '商家/平台',
};

/** The outlet or transit centre that bears a carrier fault internally (责任网点/责任分拨中心). */
export type InternalBearer = ScanLocation;

/** Chinese name of a place kind, for explanations. */
export const placeNameZh = (place: ScanLocation): string => `${place.kind === 'HUB' ? '分拨中心' : '网点'} ${place.id}`;
