import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { listSize } from '@courierdesk/platform-subgraph';
import { ScanResultStatus } from '../common/enums';
import { ItemRejection } from '../common/item-rejection.type';
import { MAX_ITEM_REASONS, MAX_SCAN_RESULTS } from '../common/list-bounds';

// Scanner input is loosely typed on purpose: an unknown scan type, kind or reason in one event must
// reject that event (with its reasons), not fail the whole batch at GraphQL's input coercion.

/** Where a scan happened, as a scanner sends it. */
@InputType({ description: 'Where a scan happened: kind HUB (分拨中心) or OUTLET (网点), and the network’s id.' })
export class ScanLocationInput {
  @Field({ description: 'HUB or OUTLET.' })
  kind: string;

  @Field()
  id: string;
}

/** Who signed, as a scanner sends it. */
@InputType()
export class SignerInput {
  @Field({ description: 'A SignerKind: RECIPIENT, FAMILY, GUARD, LOCKER, STATION …' })
  kind: string;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

/** One scan as a scanner uploads it. */
@InputType({ description: 'One scan (扫描) as a scanner uploads it; validated per event.' })
export class ScanEventInput {
  @Field({ description: 'The scanner’s own id of this event (1–64 characters); a resend must carry the same.' })
  eventId: string;

  @Field()
  waybillNo: string;

  @Field({ description: 'A ScanType: PICKED_UP, ARRIVED_AT_HUB, DEPARTED_HUB, ARRIVED_AT_OUTLET, OUT_FOR_DELIVERY, SIGNED …' })
  type: string;

  @Field({ description: 'ISO 8601 with an offset, e.g. `2024-03-02T09:15:00+08:00`.' })
  eventTime: string;

  @Field(() => ScanLocationInput, { nullable: true })
  location?: ScanLocationInput | null;

  @Field(() => String, { nullable: true, description: 'Courier (快递员) id; required for OUT_FOR_DELIVERY.' })
  courierId?: string | null;

  @Field(() => SignerInput, { nullable: true, description: 'Required for SIGNED.' })
  signer?: SignerInput | null;

  @Field(() => String, { nullable: true, description: 'A DeliveryFailureReason; required for DELIVERY_FAILED.' })
  failureReason?: string | null;

  @Field(() => String, { nullable: true, description: 'A ProblemCode; required for PROBLEM_REPORTED.' })
  problemCode?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/**
 * A batch in columns (列式上传): one list per field, the i-th entry of every list is the i-th scan.
 * The same scans and rules as `events`, for scanner gateways that upload in volume: a hub's 1,000
 * scans as a dozen lists of strings instead of 1,000 objects is a third of the bytes and lets the
 * gateway and the subgraph check a list of strings instead of 1,000 nested objects field by field.
 * Optional columns may be left out (all null) or hold null where a field does not apply.
 */
@InputType({ description: 'Scans in columns (列式上传): equal-length lists, entry i of each list is scan i. Optional lists may be omitted or hold null.' })
export class ScanColumnsInput {
  @Field(() => [String])
  eventIds: string[];

  @Field(() => [String])
  waybillNos: string[];

  @Field(() => [String])
  types: string[];

  @Field(() => [String], { description: 'ISO 8601 with an offset.' })
  eventTimes: string[];

  @Field(() => [String], { nullable: 'itemsAndList' })
  locationKinds?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  locationIds?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  courierIds?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  signerKinds?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  signerNames?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  failureReasons?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  problemCodes?: (string | null)[] | null;

  @Field(() => [String], { nullable: 'itemsAndList' })
  notes?: (string | null)[] | null;
}

/** A batch of scans: as objects (`events`) or as columns (`columns`), exactly one. */
@InputType({ description: 'Up to 1,000 scans, in any order: `events` (one object per scan) or `columns` (one list per field), exactly one.' })
export class RecordScansInput {
  @Field(() => [ScanEventInput], { nullable: true, description: 'Up to 1,000 scans, in any order.' })
  events?: ScanEventInput[] | null;

  @Field(() => ScanColumnsInput, { nullable: true, description: 'The same, in columns: for high-volume uploads.' })
  columns?: ScanColumnsInput | null;
}

/** What became of one scan. */
@ObjectType()
export class ScanResult {
  @Field(() => Int, { description: 'Position in the input.' })
  index: number;

  @Field()
  eventId: string;

  @Field(() => ScanResultStatus)
  status: keyof typeof ScanResultStatus;

  @Field(() => ID, { nullable: true, description: 'Id of the stored ScanEvent (ACCEPTED, DUPLICATE).' })
  scanEventId: string | null;

  @Directive(listSize(MAX_ITEM_REASONS))
  @Field(() => [ItemRejection])
  reasons: ItemRejection[];
}

/** The outcome of a recordScans call. */
@ObjectType()
export class RecordScansPayload {
  @Directive(listSize(MAX_SCAN_RESULTS))
  @Field(() => [ScanResult], { description: 'One per scan, in input order.' })
  results: ScanResult[];

  @Field(() => Int)
  accepted: number;

  @Field(() => Int)
  duplicates: number;

  @Field(() => Int)
  rejected: number;
}
