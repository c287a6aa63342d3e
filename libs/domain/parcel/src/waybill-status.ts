/** Normalised waybill status (运单状态), the ~10 main states of public tracking services. Values are API. */
export const WaybillStatus = {
  /** Order created, information received, not yet collected (已下单). */
  CREATED: 'CREATED',
  /** Collected and moving between outlets and transit centres (运输中). */
  IN_TRANSIT: 'IN_TRANSIT',
  /** At an outlet, normally the destination outlet (到达派件网点). */
  ARRIVED_AT_OUTLET: 'ARRIVED_AT_OUTLET',
  /** Out for delivery with a courier (派送中). */
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  /** A delivery attempt failed (派送失败); another attempt or a problem follows. */
  DELIVERY_FAILED: 'DELIVERY_FAILED',
  /** In a locker or partner station, waiting for the recipient (待取件). */
  AVAILABLE_FOR_PICKUP: 'AVAILABLE_FOR_PICKUP',
  /** Signed for or collected (已签收). */
  DELIVERED: 'DELIVERED',
  /** Problem parcel (问题件/疑难件): registered, waiting to be handled. */
  EXCEPTION: 'EXCEPTION',
  /** Held (扣件), e.g. a prohibited item at a hub. */
  HELD: 'HELD',
  /** On its way back to the sender (退回中). */
  RETURNING: 'RETURNING',
  /** Back with the sender (已退回). */
  RETURNED: 'RETURNED',
} as const;
/** Normalised waybill status (运单状态). */
export type WaybillStatus = (typeof WaybillStatus)[keyof typeof WaybillStatus];

/** All waybill statuses, in declaration order. */
export const WAYBILL_STATUSES: readonly WaybillStatus[] = Object.values(WaybillStatus);

/** Statuses after which nothing more is expected. */
export const FINAL_STATUSES: readonly WaybillStatus[] = ['DELIVERED', 'RETURNED'];

/** Where the parcel is in its journey, before the return-leg overlay turns it into RETURNING/RETURNED. */
export type ProgressStatus = Exclude<WaybillStatus, 'RETURNING' | 'RETURNED'>;
