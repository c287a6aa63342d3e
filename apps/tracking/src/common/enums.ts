import { registerEnumType } from 'type-graphql';
import { AnomalyCode, DeliveryFailureReason, ProblemCode, ScanType, ServiceLevel, SignerKind, WaybillStatus } from '@courierdesk/domain-parcel';

// The GraphQL enums are the domain's vocabularies, registered once; values never drift from the rules.
registerEnumType(WaybillStatus, { name: 'WaybillStatus', description: 'Normalised waybill status (运单状态): 已下单, 运输中, 到达派件网点, 派送中, 派送失败, 待取件, 已签收, 问题件, 扣件, 退回中, 已退回.' });
registerEnumType(ScanType, { name: 'ScanType', description: 'What a scan (扫描) records: 揽收, 到达/发往分拨中心, 到达网点, 派送中, 签收, 取件, 派送失败, 问题件, 扣件, 放行, 退回.' });
registerEnumType(SignerKind, { name: 'SignerKind', description: 'Who or what signed (签收人类型); anyone but RECIPIENT signed on the recipient’s behalf (代签/代收).' });
registerEnumType(DeliveryFailureReason, { name: 'DeliveryFailureReason', description: 'Why a delivery attempt failed (派送失败原因).' });
registerEnumType(ProblemCode, { name: 'ProblemCode', description: 'Problem-parcel type (问题件类型).' });
registerEnumType(AnomalyCode, { name: 'AnomalyCode', description: 'What is wrong with a waybill (异常类型): 滞留, 无揽收, 多次派送失败, 他人代签, 虚假签收嫌疑, 未到达派件网点.' });
registerEnumType(ServiceLevel, { name: 'ServiceLevel', description: 'Service level (产品时效): 标准快递 STANDARD, 特快 EXPRESS, 经济快递 ECONOMY.' });

/** Where an ETA comes from. */
export const EtaSource = {
  LANE_HISTORY: 'LANE_HISTORY',
  SERVICE_LEVEL_DEFAULT: 'SERVICE_LEVEL_DEFAULT',
  AWAITING_PICKUP: 'AWAITING_PICKUP',
  REMAINING_LANE_TIME: 'REMAINING_LANE_TIME',
  LAST_MILE: 'LAST_MILE',
  DELIVERY_RETRY: 'DELIVERY_RETRY',
} as const;
registerEnumType(EtaSource, {
  name: 'EtaSource',
  description:
    'On time: LANE_HISTORY (past parcels on this lane) or SERVICE_LEVEL_DEFAULT (too little history: the product’s promise). ' +
    'Late (超时), re-estimated from where the parcel is: AWAITING_PICKUP (no pickup yet: the whole lane time from now), ' +
    'REMAINING_LANE_TIME (the rest of the lane time after its last scan), LAST_MILE (at the destination outlet or out for delivery), ' +
    'DELIVERY_RETRY (a failed attempt: the next one).',
});

/** How much to trust an ETA. */
export const EtaConfidence = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW' } as const;
registerEnumType(EtaConfidence, { name: 'EtaConfidence', description: 'HIGH with ≥ 4× the minimum history, MEDIUM with enough, LOW on defaults.' });

/** How far a lane goes. */
export const DistanceClass = { SAME_CITY: 'SAME_CITY', SAME_PROVINCE: 'SAME_PROVINCE', CROSS_PROVINCE: 'CROSS_PROVINCE' } as const;
registerEnumType(DistanceClass, { name: 'DistanceClass', description: 'Same city (同城), same province (省内) or across provinces (跨省).' });

/** What became of one scan of a recordScans batch. */
export const ScanResultStatus = { ACCEPTED: 'ACCEPTED', DUPLICATE: 'DUPLICATE', REJECTED: 'REJECTED' } as const;
registerEnumType(ScanResultStatus, { name: 'ScanResultStatus', description: 'ACCEPTED: stored; DUPLICATE: stored before (a resend), nothing changed; REJECTED: see reasons.' });

/** What became of one waybill of a createWaybills batch. */
export const CreateWaybillStatus = { CREATED: 'CREATED', DUPLICATE: 'DUPLICATE', REJECTED: 'REJECTED' } as const;
registerEnumType(CreateWaybillStatus, { name: 'CreateWaybillStatus', description: 'CREATED; DUPLICATE: the number exists (nothing changed); REJECTED: see reasons.' });

export { AnomalyCode, DeliveryFailureReason, ProblemCode, ScanType, ServiceLevel, SignerKind, WaybillStatus };
