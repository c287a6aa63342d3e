import { Field, Float, ObjectType } from 'type-graphql';
import { AnomalyCode } from '../common/enums';

/**
 * One anomaly episode (异常事件) of tracking's outbox, as the feed serves it: the waybill, the code
 * and the episode's start (`since`), with the reason, thresholds and policy versions the detector
 * judged by. No personal data: the reason never quotes a signer's name. The waybill, location and
 * outlet references are resolved by AnomalyEventResolver from `row`.
 */
@ObjectType({
  description:
    'An anomaly episode (异常事件) tracking detected: one per waybill, code and `since`, published once, in `seq` order. ' +
    'Read by other subgraphs through anomalyEvents (the tickets subgraph opens proactive tickets from them).',
})
export class AnomalyEvent {
  @Field({ description: 'Position in the feed: a 64-bit integer in decimal, increasing in feed order (gaps are possible).' })
  seq: string;

  @Field({ description: 'Waybill number (运单号).' })
  waybillNo: string;

  @Field(() => AnomalyCode)
  code: AnomalyCode;

  @Field({ description: 'Start of the episode: the threshold’s end, or the scan that broke the rule. With waybillNo and code, the episode’s identity.' })
  since: Date;

  @Field({ description: 'The instant the detector judged the waybill anomalous (its clock).' })
  detectedAt: Date;

  @Field({ description: 'When the event was written (database clock): detectedAt plus the write; what feed lag is measured from.' })
  recordedAt: Date;

  @Field({ description: 'Why, in English with the Chinese term; never names a person.' })
  reason: string;

  @Field(() => Float, { nullable: true, description: 'Threshold applied, after peak-season (旺季) stretching; null for rules without one.' })
  thresholdHours: number | null;

  @Field(() => Date, { nullable: true, description: 'When the threshold started counting.' })
  countedFrom: Date | null;

  @Field({ description: 'Version of the anomaly policy (异常件规则) judged by.' })
  policyVersion: string;

  @Field(() => String, { nullable: true })
  peakSeasonPolicyVersion: string | null;

  @Field(() => String, { nullable: true, description: 'The peak season that stretched the threshold, e.g. DOUBLE_ELEVEN.' })
  peakSeason: string | null;

  /** The stored row, for the reference fields. */
  row: AnomalyEventRow;
}

/** A row of anomaly_event as the feed reads it. */
export interface AnomalyEventRow {
  seq: string;
  waybillNo: string;
  code: AnomalyCode;
  since: Date;
  detectedAt: Date;
  recordedAt: Date;
  locationKind: 'HUB' | 'OUTLET' | null;
  locationId: string | null;
  originOutletId: string;
  destinationOutletId: string | null;
  reason: string;
  thresholdHours: number | null;
  countedFrom: Date | null;
  policyVersion: string;
  peakSeasonPolicyVersion: string | null;
  peakSeason: string | null;
}

/** The schema's view of a stored event. */
export function toAnomalyEvent(row: AnomalyEventRow): AnomalyEvent {
  return Object.assign(new AnomalyEvent(), {
    seq: row.seq,
    waybillNo: row.waybillNo,
    code: row.code,
    since: row.since,
    detectedAt: row.detectedAt,
    recordedAt: row.recordedAt,
    reason: row.reason,
    thresholdHours: row.thresholdHours,
    countedFrom: row.countedFrom,
    policyVersion: row.policyVersion,
    peakSeasonPolicyVersion: row.peakSeasonPolicyVersion,
    peakSeason: row.peakSeason,
    row,
  });
}
