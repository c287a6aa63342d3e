import { Field, Float, ObjectType } from 'type-graphql';
import type { Anomaly as DomainAnomaly } from '@courierdesk/domain-parcel';
import { AnomalyCode } from '../common/enums';
import { placeRef, ScanLocation } from '../network-refs/network-refs.type';

/** One anomaly of a waybill now (异常): since when, why, by which thresholds and policy versions. */
@ObjectType({ description: 'An anomaly (异常) of a waybill now: since when, why, with the thresholds and policy versions used.' })
export class Anomaly {
  @Field(() => AnomalyCode)
  code: AnomalyCode;

  @Field({ description: 'When the waybill became anomalous: the threshold’s end, or the scan that broke the rule.' })
  since: Date;

  @Field({ description: 'Why, in English with the Chinese term, for the agent.' })
  reason: string;

  @Field(() => Float, { nullable: true, description: 'Threshold applied, after peak-season (旺季) stretching.' })
  thresholdHours: number | null;

  @Field(() => Date, { nullable: true, description: 'When the threshold started counting.' })
  countedFrom: Date | null;

  @Field()
  policyVersion: string;

  @Field(() => String, { nullable: true })
  peakSeasonPolicyVersion: string | null;

  @Field(() => String, { nullable: true, description: 'The peak season that stretched the threshold, e.g. DOUBLE_ELEVEN.' })
  peakSeason: string | null;

  @Field(() => ScanLocation, { nullable: true, description: 'The outlet or transit centre whose work queue this belongs to.' })
  location: ScanLocation | null;
}

/** The schema's view of a domain anomaly. */
export function toAnomaly(anomaly: DomainAnomaly): Anomaly {
  return Object.assign(new Anomaly(), {
    code: anomaly.code,
    since: anomaly.since,
    reason: anomaly.reason,
    thresholdHours: anomaly.thresholdHours ?? null,
    countedFrom: anomaly.countedFrom ?? null,
    policyVersion: anomaly.policyVersion,
    peakSeasonPolicyVersion: anomaly.peakSeasonPolicyVersion ?? null,
    peakSeason: anomaly.peakSeason ?? null,
    location: placeRef(anomaly.location),
  });
}
