/**
 * Problem-parcel types (问题件类型): the subset of a real network's ~30-type registry that outlets
 * register here. Values are API: add, never rename.
 */
export const ProblemCode = {
  /** Due but not arrived (应到未到): the manifest says it should be here, it is not. */
  DUE_NOT_ARRIVED: 'DUE_NOT_ARRIVED',
  /** Label invalid or damaged (面单破损/无效). */
  LABEL_DAMAGED: 'LABEL_DAMAGED',
  /** Headless parcel (无头件): the label is lost; hubs keep a list. */
  HEADLESS: 'HEADLESS',
  /** Contaminated by another parcel's leak (污染件). */
  CONTAMINATED: 'CONTAMINATED',
  /** Two labels on one parcel (双面单). */
  DOUBLE_LABEL: 'DOUBLE_LABEL',
  /** Packing does not meet the rules (包装不合规). */
  NON_COMPLIANT_PACKING: 'NON_COMPLIANT_PACKING',
  /** Addressed to a school (学校件): campus delivery rules apply. */
  SCHOOL_PARCEL: 'SCHOOL_PARCEL',
  /** Label data lost in the system (面单信息丢失). */
  LABEL_DATA_LOST: 'LABEL_DATA_LOST',
  /** No such person at the address (查无此人). */
  NO_SUCH_PERSON: 'NO_SUCH_PERSON',
  /** Oversize or overweight (超大超重). */
  OVERSIZE_OVERWEIGHT: 'OVERSIZE_OVERWEIGHT',
  /** Holiday, nobody home (节假日无人). */
  HOLIDAY_NOBODY_HOME: 'HOLIDAY_NOBODY_HOME',
  /** Lost (丢失). */
  LOST: 'LOST',
  /** Address unclear or incomplete (地址不详). */
  ADDRESS_UNCLEAR: 'ADDRESS_UNCLEAR',
  /** Change of delivery address (更改地址). */
  ADDRESS_CHANGE: 'ADDRESS_CHANGE',
  /** Customer asked for later delivery (客户要求延迟派送). */
  DELIVER_LATER: 'DELIVER_LATER',
  /** Outside the delivery area (超区). */
  OUT_OF_AREA: 'OUT_OF_AREA',
  /** Not enough delivery capacity (运力不足). */
  NO_CAPACITY: 'NO_CAPACITY',
  /** Recipient unreachable: phone off or no answer (联系不上收件人). */
  RECIPIENT_UNREACHABLE: 'RECIPIENT_UNREACHABLE',
  /** Mis-sorted to the wrong hub or outlet (错分). */
  MISSORTED: 'MISSORTED',
  /** Refused to pay cash on delivery (到付拒付). */
  COD_REFUSED: 'COD_REFUSED',
  /** Refused by the recipient (拒收). */
  REFUSED: 'REFUSED',
  /** Damaged (破损). */
  DAMAGED: 'DAMAGED',
  /** Prohibited item (违禁品/禁运品): may be held at a hub. */
  PROHIBITED_ITEM: 'PROHIBITED_ITEM',
  /** Recipient will collect it (自提). */
  SELF_PICKUP: 'SELF_PICKUP',
  /** To be returned to the sender (退回件). */
  RETURN: 'RETURN',
} as const;
/** Problem-parcel types (问题件类型). */
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

/** All problem codes, in declaration order. */
export const PROBLEM_CODES: readonly ProblemCode[] = Object.values(ProblemCode);

/** The Chinese name agents use for each problem code. */
export const PROBLEM_CODE_NAMES: Readonly<Record<ProblemCode, string>> = {
  DUE_NOT_ARRIVED: '应到未到',
  LABEL_DAMAGED: '面单破损',
  HEADLESS: '无头件',
  CONTAMINATED: '污染件',
  DOUBLE_LABEL: '双面单',
  NON_COMPLIANT_PACKING: '包装不合规',
  SCHOOL_PARCEL: '学校件',
  LABEL_DATA_LOST: '面单信息丢失',
  NO_SUCH_PERSON: '查无此人',
  OVERSIZE_OVERWEIGHT: '超大超重',
  HOLIDAY_NOBODY_HOME: '节假日无人',
  LOST: '丢失',
  ADDRESS_UNCLEAR: '地址不详',
  ADDRESS_CHANGE: '更改地址',
  DELIVER_LATER: '延迟派送',
  OUT_OF_AREA: '超区',
  NO_CAPACITY: '运力不足',
  RECIPIENT_UNREACHABLE: '联系不上收件人',
  MISSORTED: '错分',
  COD_REFUSED: '到付拒付',
  REFUSED: '拒收',
  DAMAGED: '破损',
  PROHIBITED_ITEM: '违禁品',
  SELF_PICKUP: '自提',
  RETURN: '退回件',
};

/** True when `code` is a problem code. */
export const isProblemCode = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);
