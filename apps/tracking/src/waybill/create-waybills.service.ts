import type { DataSource } from 'typeorm';
import {
  DEFAULT_ANOMALY_POLICIES,
  initialState,
  validateNewWaybill,
  watchOf,
  type AnomalyPolicies,
  type NewWaybillFields,
  type ValidWaybill,
  type WaybillRejection,
} from '@courierdesk/domain-parcel';
import type { Identity } from '@courierdesk/platform-auth';
import { AppError } from '@courierdesk/platform-subgraph';
import { actsForOutlet } from '../common/access';
import { MAX_WAYBILLS_PER_CALL } from '../common/list-bounds';
import { trackingError } from '../common/tracking.errors';
import { validChargeFields, type ValidChargeFields, type WaybillChargeFields } from '../tariff/waybill-charges';

/** A new waybill: its fields, and what its charge check needs besides the freight. */
export type NewWaybill = NewWaybillFields & WaybillChargeFields;

type ValidNewWaybill = ValidWaybill & ValidChargeFields;

/** What happened to one waybill of a bulk create, in input order. */
export interface CreateWaybillResult {
  index: number;
  waybillNo: string;
  /** CREATED; DUPLICATE when the number exists already (or earlier in the batch), nothing changed; REJECTED with reasons. */
  status: 'CREATED' | 'DUPLICATE' | 'REJECTED';
  reasons: Omit<WaybillRejection, 'kind'>[];
}

/** Creating waybills (下单): one, or a batch in one statement (demo and benchmark data, order systems). */
export class CreateWaybillsService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES,
  ) {}

  /** Creates one waybill: BAD_USER_INPUT with the first reason, CONFLICT (WAYBILL_EXISTS) if the number is taken. */
  async createOne(identity: Identity | null, input: NewWaybill): Promise<string> {
    const { results, rejections } = await this.create(identity, [input]);
    const [result] = results;
    if (result.status === 'DUPLICATE') throw trackingError('WAYBILL_EXISTS', `Waybill ${result.waybillNo} exists already`);
    if (result.status === 'REJECTED') {
      const first = rejections[0][0];
      throw new AppError(first.kind, first.code, `${first.field}: ${first.message}`);
    }
    return result.waybillNo;
  }

  /**
   * Creates up to MAX_WAYBILLS_PER_CALL waybills with one INSERT … SELECT FROM unnest … ON CONFLICT
   * DO NOTHING; the numbers it returns were created, the others existed. `identity` null: a trusted
   * loader (seed, benchmark); an outlet-bound caller may only create waybills its outlet originates.
   */
  async createMany(identity: Identity | null, inputs: readonly NewWaybill[]): Promise<CreateWaybillResult[]> {
    return (await this.create(identity, inputs)).results;
  }

  private async create(identity: Identity | null, inputs: readonly NewWaybill[]) {
    if (inputs.length > MAX_WAYBILLS_PER_CALL) throw trackingError('TOO_MANY_WAYBILLS', `At most ${MAX_WAYBILLS_PER_CALL} waybills per call`);
    const now = this.clock();
    const results: CreateWaybillResult[] = [];
    const valid = new Map<string, ValidNewWaybill>();
    const rejections: WaybillRejection[][] = [];
    inputs.forEach((input, index) => {
      const validation = validateNewWaybill(input, now);
      const charges = validChargeFields(input);
      const reasons = [...(validation.ok ? [] : validation.reasons), ...charges.reasons];
      if (validation.ok && identity && !actsForOutlet(identity, validation.waybill.originOutletId)) {
        reasons.push({ field: 'originOutletId', code: 'ORIGIN_OUTLET_MISMATCH', message: 'You may only create waybills your outlet collects', kind: 'FORBIDDEN' });
      }
      const waybillNo = validation.ok ? validation.waybill.waybillNo : String(input.waybillNo ?? '');
      if (reasons.length > 0 || !validation.ok) {
        rejections.push(reasons);
        results.push({ index, waybillNo, status: 'REJECTED', reasons: reasons.map(({ kind: _kind, ...reason }) => reason) });
      } else if (valid.has(waybillNo)) {
        results.push({ index, waybillNo, status: 'DUPLICATE', reasons: [] });
      } else {
        valid.set(waybillNo, { ...validation.waybill, ...charges.columns });
        results.push({ index, waybillNo, status: 'CREATED', reasons: [] });
      }
    });
    const created = await this.insert([...valid.values()]);
    for (const result of results) if (result.status === 'CREATED' && !created.has(result.waybillNo)) result.status = 'DUPLICATE';
    return { results, rejections };
  }

  private async insert(waybills: readonly ValidNewWaybill[]): Promise<Set<string>> {
    if (waybills.length === 0) return new Set();
    const col = <T>(get: (w: ValidNewWaybill) => T) => waybills.map(get);
    const watches = waybills.map((w) => watchOf(initialState(), w, this.policies.watch));
    const rows: [string, string, unknown[]][] = [
      ['waybill_no', 'text', col((w) => w.waybillNo)],
      ['service_level', 'text', col((w) => w.serviceLevel)],
      ['origin_district_code', 'text', col((w) => w.sender.districtCode)],
      ['destination_district_code', 'text', col((w) => w.recipient.districtCode)],
      ['lane_key', 'text', col((w) => w.laneKey)],
      ['sender_name', 'text', col((w) => w.sender.name)],
      ['sender_phone', 'text', col((w) => w.sender.phone)],
      ['sender_address', 'text', col((w) => w.sender.address)],
      ['recipient_name', 'text', col((w) => w.recipient.name)],
      ['recipient_phone', 'text', col((w) => w.recipient.phone)],
      ['recipient_address', 'text', col((w) => w.recipient.address)],
      ['origin_outlet_id', 'uuid', col((w) => w.originOutletId)],
      ['destination_outlet_id', 'uuid', col((w) => w.destinationOutletId)],
      ['weight_grams', 'int', col((w) => w.weightGrams)],
      ['declared_value_fen', 'bigint', col((w) => w.declaredValueFen)],
      ['insured_value_fen', 'bigint', col((w) => w.insuredValueFen)],
      ['freight_fen', 'bigint', col((w) => w.freightFen)],
      ['length_cm', 'int', col((w) => w.lengthCm)],
      ['width_cm', 'int', col((w) => w.widthCm)],
      ['height_cm', 'int', col((w) => w.heightCm)],
      ['upstairs_floors', 'int', col((w) => w.upstairsFloors)],
      ['surcharges', 'jsonb', col((w) => JSON.stringify(w.surcharges))],
      ['created_at', 'timestamptz', col((w) => w.createdAt.toISOString())],
      ['contents', 'text', col((w) => w.contents)],
      ['watch_places', 'text', watches.map((w) => `{${w.places.join(',')}}`)],
      ['watch_from', 'timestamptz', watches.map((w) => w.from?.toISOString() ?? null)],
    ];
    const names = rows.map(([name]) => name);
    const select = names.map((name) => (name === 'watch_places' ? `${name}::uuid[]` : name)).join(', ');
    const unnest = rows.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const inserted: { waybill_no: string }[] = await this.ds.query(
      `INSERT INTO waybill (${names.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS v(${names.join(', ')})
       ON CONFLICT (waybill_no) DO NOTHING RETURNING waybill_no`,
      rows.map(([, , values]) => values),
    );
    return new Set(inserted.map((row) => row.waybill_no));
  }
}
