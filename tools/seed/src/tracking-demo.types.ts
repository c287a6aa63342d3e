import type {
  DeliveryFailureReason,
  ProblemCode,
  ScanLocation,
  ScanType,
  Signer,
  NewWaybillFields,
  WaybillPartyFields,
} from '@courierdesk/domain-parcel';

/** What to generate. The same options on the same network always give the same histories. */
export interface TrackingDemoOptions {
  /** How many waybills (运单). */
  waybills: number;
  /** Seed of the random streams. Default 1. */
  seed?: number;
  /** The clock: no scan is later than this, and the anomalies (stalls, no pickup) are placed against it. */
  now: Date;
  /** Waybills are created within this many days before `now` (stalls and failures reach a little further back). Default 30. */
  days?: number;
  /** Sequence of the first waybill number (makeWaybillNo). Default 1. */
  firstSequence?: number;
  /** Share of the waybills with a free creation time that were created in the 双十一 peak week, slower. Default 0.08. */
  peakSeasonShare?: number;
}

/** The options after defaults, as used. */
export interface ResolvedTrackingDemoOptions {
  waybills: number;
  seed: number;
  now: Date;
  days: number;
  firstSequence: number;
  peakSeasonShare: number;
  /** The 双十一 week the peak-season waybills were created in: [start, end), China midnights. */
  peakWeek: { start: Date; end: Date };
}

/**
 * The story of one generated waybill. Everything but NORMAL is a case customer service meets: the
 * anomaly rules (domain-parcel detectAnomalies) flag most of them.
 */
export const JourneyScenario = {
  /** Picked up, through the hubs, delivered: signed by the recipient, or collected from a locker or station. */
  NORMAL: 'NORMAL',
  /** Signed by a guard, neighbour, mailroom, family… or left in a locker not collected yet (他人代签). */
  SIGNED_BY_OTHER: 'SIGNED_BY_OTHER',
  /** Signed with no out-for-delivery scan before it (虚假签收?). */
  SIGNED_WITHOUT_OUT_FOR_DELIVERY: 'SIGNED_WITHOUT_OUT_FOR_DELIVERY',
  /** No scan for 4–6 days after arriving at a transit centre (分拨中心滞留). */
  STALLED_AT_HUB: 'STALLED_AT_HUB',
  /** No scan for 4–6 days after arriving at the destination outlet (网点滞留). */
  STALLED_AT_OUTLET: 'STALLED_AT_OUTLET',
  /** Left the last transit centre 3–6 days ago, never reached the destination outlet (未到达派件网点). */
  STALLED_IN_TRANSIT: 'STALLED_IN_TRANSIT',
  /** Ordered more than a day ago, never picked up (无揽收记录). */
  NO_PICKUP: 'NO_PICKUP',
  /** Two or three failed delivery attempts, maybe a problem report, still with the outlet (多次派送失败). */
  REPEATED_DELIVERY_FAILURE: 'REPEATED_DELIVERY_FAILURE',
  /** Refused by the recipient (拒收), returned to the sender through the hubs (退回). */
  REFUSED_RETURN: 'REFUSED_RETURN',
  /** Held at a transit centre as a suspected prohibited item (扣件), then released or returned. */
  HELD: 'HELD',
  /** Sorted to the wrong outlet (错分), reported, sent back through the hub to the right one. */
  MISSORTED: 'MISSORTED',
} as const;
/** The story of one generated waybill. */
export type JourneyScenario = (typeof JourneyScenario)[keyof typeof JourneyScenario];

/** Sender or recipient (寄件人/收件人), as the tracking subgraph's createWaybills takes it. */
/** Sender or recipient of a demo waybill: the domain's party fields (a valid mainland mobile, the outlet's district). */
export type DemoParty = WaybillPartyFields;

/** A generated waybill (运单): the fields of the tracking subgraph's CreateWaybillInput, plus how it was made. */
export interface DemoWaybill extends NewWaybillFields {
  sequence: number;
  declaredValueFen: number;
  insuredValueFen: number;
  createdAt: Date;
  scenario: JourneyScenario;
  /** Created in the 双十一 week: every leg slower. */
  peakSeason: boolean;
}

/**
 * A generated scan, as a scanner uploads it through recordScans (`eventId` is the scanner's own id)
 * and as domain-parcel's rules read it (a ScanEvent).
 */
export interface DemoScanEvent {
  /** The scanner's event id: unique across the whole generated history. */
  eventId: string;
  waybillNo: string;
  type: ScanType;
  eventTime: Date;
  location: ScanLocation | null;
  courierId: string | null;
  signer: Signer | null;
  failureReason: DeliveryFailureReason | null;
  problemCode: ProblemCode | null;
  note: string | null;
}

/** One waybill with its scans in time order (those up to `now`). */
export interface WaybillHistory {
  waybill: DemoWaybill;
  events: DemoScanEvent[];
}

/** How much was generated. */
export interface TrackingDemoCounts {
  waybills: number;
  events: number;
  byScenario: Record<JourneyScenario, number>;
  peakSeason: number;
}

/** Generated waybills and their scan histories, ready for loadTrackingDemo. */
export interface TrackingDemo {
  options: ResolvedTrackingDemoOptions;
  histories: WaybillHistory[];
  counts: TrackingDemoCounts;
}
