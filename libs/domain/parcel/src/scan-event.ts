import { ProblemCode } from './problem-code';

/** What a scan (扫描) records about a parcel. Values are API: add, never rename. */
export const ScanType = {
  /** Collected from the sender (揽收) by the origin outlet. */
  PICKED_UP: 'PICKED_UP',
  /** Arrived at a transit centre (到达分拨中心). */
  ARRIVED_AT_HUB: 'ARRIVED_AT_HUB',
  /** Departed a transit centre (发往/离开分拨中心). */
  DEPARTED_HUB: 'DEPARTED_HUB',
  /** Arrived at an outlet (到达网点), normally the destination outlet (派件网点). */
  ARRIVED_AT_OUTLET: 'ARRIVED_AT_OUTLET',
  /** Out for delivery (派送中) with a courier. */
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  /** Signed for (签收) by the recipient or someone or something on their behalf. */
  SIGNED: 'SIGNED',
  /** Collected by the recipient (取件) from a locker, station or the outlet itself (自提). */
  COLLECTED_BY_RECIPIENT: 'COLLECTED_BY_RECIPIENT',
  /** A delivery attempt failed (派送失败), with a reason. */
  DELIVERY_FAILED: 'DELIVERY_FAILED',
  /** Problem parcel registered (问题件登记), with a problem code. */
  PROBLEM_REPORTED: 'PROBLEM_REPORTED',
  /** Held (扣件), e.g. a prohibited item detained at a hub. */
  HELD: 'HELD',
  /** Released from a hold (放行). */
  RELEASED: 'RELEASED',
  /** Return to the sender started (退回). */
  RETURN_STARTED: 'RETURN_STARTED',
  /** Returned: signed for by the sender (退回签收). */
  RETURNED: 'RETURNED',
} as const;
/** What a scan (扫描) records about a parcel. */
export type ScanType = (typeof ScanType)[keyof typeof ScanType];

/** All scan types, in declaration order. */
export const SCAN_TYPES: readonly ScanType[] = Object.values(ScanType);

/** The Chinese name shown on tracking pages for each scan type. */
export const SCAN_TYPE_NAMES: Readonly<Record<ScanType, string>> = {
  PICKED_UP: '已揽收',
  ARRIVED_AT_HUB: '到达分拨中心',
  DEPARTED_HUB: '发往下一站',
  ARRIVED_AT_OUTLET: '到达网点',
  OUT_FOR_DELIVERY: '派送中',
  SIGNED: '已签收',
  COLLECTED_BY_RECIPIENT: '已取件',
  DELIVERY_FAILED: '派送失败',
  PROBLEM_REPORTED: '问题件',
  HELD: '扣件',
  RELEASED: '放行',
  RETURN_STARTED: '退回中',
  RETURNED: '已退回',
};

/** Who or what signed for a parcel (签收人类型). Anyone but RECIPIENT signed on the recipient's behalf (代签). */
export const SignerKind = {
  /** The recipient in person (本人签收). */
  RECIPIENT: 'RECIPIENT',
  /** A family member (家人代签). */
  FAMILY: 'FAMILY',
  /** A colleague or the front desk at work (同事代签). */
  COLLEAGUE: 'COLLEAGUE',
  /** The gate guard (门卫). */
  GUARD: 'GUARD',
  /** A mailroom (收发室). */
  MAILROOM: 'MAILROOM',
  /** The property management office (物业). */
  PROPERTY_OFFICE: 'PROPERTY_OFFICE',
  /** A neighbour (邻居). */
  NEIGHBOUR: 'NEIGHBOUR',
  /** A parcel locker (快递柜): waits there for the recipient. */
  LOCKER: 'LOCKER',
  /** A partner station (驿站、代收点): waits there for the recipient. */
  STATION: 'STATION',
  /** Anyone else (他人代签). */
  OTHER: 'OTHER',
} as const;
/** Who or what signed for a parcel (签收人类型). */
export type SignerKind = (typeof SignerKind)[keyof typeof SignerKind];

/** All signer kinds, in declaration order. */
export const SIGNER_KINDS: readonly SignerKind[] = Object.values(SignerKind);

/** The Chinese name agents use for each signer kind. */
export const SIGNER_KIND_NAMES: Readonly<Record<SignerKind, string>> = {
  RECIPIENT: '本人',
  FAMILY: '家人',
  COLLEAGUE: '同事',
  GUARD: '门卫',
  MAILROOM: '收发室',
  PROPERTY_OFFICE: '物业',
  NEIGHBOUR: '邻居',
  LOCKER: '快递柜',
  STATION: '驿站',
  OTHER: '他人',
};

/** Signers that hold the parcel for the recipient to collect: the parcel is available for pick-up, not delivered. */
export const PICKUP_POINT_SIGNERS: readonly SignerKind[] = ['LOCKER', 'STATION'];

/** Why a delivery attempt failed (派送失败原因). */
export const DeliveryFailureReason = {
  /** Phone off or no answer (联系不上). */
  RECIPIENT_UNREACHABLE: 'RECIPIENT_UNREACHABLE',
  /** Address incomplete (地址不详). */
  ADDRESS_INCOMPLETE: 'ADDRESS_INCOMPLETE',
  /** Address wrong (地址错误). */
  ADDRESS_WRONG: 'ADDRESS_WRONG',
  /** Refused (拒收). */
  REFUSED: 'REFUSED',
  /** Refused to pay cash on delivery (到付拒付). */
  COD_REFUSED: 'COD_REFUSED',
  /** Nobody home (无人在家). */
  NOBODY_HOME: 'NOBODY_HOME',
  /** Recipient asked for another time (客户改约). */
  RESCHEDULED_BY_RECIPIENT: 'RESCHEDULED_BY_RECIPIENT',
  /** Outside the delivery area (超区). */
  OUT_OF_AREA: 'OUT_OF_AREA',
  /** Not collected from the locker or station in time (超时未取). */
  NOT_COLLECTED_IN_TIME: 'NOT_COLLECTED_IN_TIME',
  /** Any other reason, explained in the note (其他). */
  OTHER: 'OTHER',
} as const;
/** Why a delivery attempt failed (派送失败原因). */
export type DeliveryFailureReason = (typeof DeliveryFailureReason)[keyof typeof DeliveryFailureReason];

/** All delivery failure reasons, in declaration order. */
export const DELIVERY_FAILURE_REASONS: readonly DeliveryFailureReason[] = Object.values(DeliveryFailureReason);

/** The Chinese name agents use for each failure reason. */
export const DELIVERY_FAILURE_REASON_NAMES: Readonly<Record<DeliveryFailureReason, string>> = {
  RECIPIENT_UNREACHABLE: '联系不上',
  ADDRESS_INCOMPLETE: '地址不详',
  ADDRESS_WRONG: '地址错误',
  REFUSED: '拒收',
  COD_REFUSED: '到付拒付',
  NOBODY_HOME: '无人在家',
  RESCHEDULED_BY_RECIPIENT: '客户改约',
  OUT_OF_AREA: '超区',
  NOT_COLLECTED_IN_TIME: '超时未取',
  OTHER: '其他',
};

/** Kind of place a scan happens: a transit centre (分拨中心) or an outlet (网点). */
export type LocationKind = 'HUB' | 'OUTLET';

/** Where a scan happened: the key of a TransitCentre (HUB) or Outlet (OUTLET) of the network subgraph. */
export interface ScanLocation {
  kind: LocationKind;
  id: string;
}

/** Who signed, with a name when given (e.g. 张三, 丰巢 A12). */
export interface Signer {
  kind: SignerKind;
  name: string | null;
}

/** A validated, normalised scan event of one waybill. Fields that do not apply to its type are null. */
export interface ScanEvent {
  waybillNo: string;
  type: ScanType;
  /** When the scan happened on the scanner, not when it reached us. */
  eventTime: Date;
  location: ScanLocation | null;
  /** Courier (快递员) who scanned; always set for OUT_FOR_DELIVERY. */
  courierId: string | null;
  signer: Signer | null;
  failureReason: DeliveryFailureReason | null;
  problemCode: ProblemCode | null;
  note: string | null;
}

/** What a scan type needs besides a waybill number and a time: data, so the rules read as a table. */
export interface ScanRequirement {
  /** Location kinds accepted; empty when a location does not apply. */
  locationKinds: readonly LocationKind[];
  locationRequired: boolean;
  courierRequired: boolean;
  signerRequired: boolean;
  failureReasonRequired: boolean;
  /** 'REQUIRED', 'OPTIONAL' (kept when given) or 'NONE' (dropped). */
  problemCode: 'REQUIRED' | 'OPTIONAL' | 'NONE';
}

const need = (
  kinds: readonly LocationKind[],
  locationRequired: boolean,
  more: Partial<ScanRequirement> = {},
): ScanRequirement => ({
  locationKinds: kinds,
  locationRequired,
  courierRequired: false,
  signerRequired: false,
  failureReasonRequired: false,
  problemCode: 'NONE',
  ...more,
});

/** Per scan type, what the event must carry. */
export const SCAN_REQUIREMENTS: Readonly<Record<ScanType, ScanRequirement>> = {
  PICKED_UP: need(['OUTLET'], true),
  ARRIVED_AT_HUB: need(['HUB'], true),
  DEPARTED_HUB: need(['HUB'], true),
  ARRIVED_AT_OUTLET: need(['OUTLET'], true),
  // The courier is who the customer calls while the parcel is out: no courier, no delivery scan.
  OUT_FOR_DELIVERY: need(['OUTLET'], true, { courierRequired: true }),
  SIGNED: need(['OUTLET'], false, { signerRequired: true }),
  COLLECTED_BY_RECIPIENT: need(['OUTLET'], false),
  DELIVERY_FAILED: need(['OUTLET'], false, { failureReasonRequired: true }),
  // A problem parcel is a work order between outlets: the registering point must be known.
  PROBLEM_REPORTED: need(['HUB', 'OUTLET'], true, { problemCode: 'REQUIRED' }),
  HELD: need(['HUB', 'OUTLET'], true, { problemCode: 'OPTIONAL' }),
  RELEASED: need(['HUB', 'OUTLET'], true),
  RETURN_STARTED: need(['HUB', 'OUTLET'], false, { problemCode: 'OPTIONAL' }),
  RETURNED: need(['OUTLET'], false),
};

/** True when `type` is a scan type. */
export const isScanType = (type: string): type is ScanType => (SCAN_TYPES as readonly string[]).includes(type);
