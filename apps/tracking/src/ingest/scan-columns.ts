import { trackingError } from '../common/tracking.errors';
import { assertBatchSize, type ScanInput } from './scan-batch';

/** The columns of a columnar batch (ScanColumnsInput), as GraphQL hands them over. */
export interface ScanColumns {
  eventIds: readonly string[];
  waybillNos: readonly string[];
  types: readonly string[];
  eventTimes: readonly string[];
  locationKinds?: readonly (string | null)[] | null;
  locationIds?: readonly (string | null)[] | null;
  courierIds?: readonly (string | null)[] | null;
  signerKinds?: readonly (string | null)[] | null;
  signerNames?: readonly (string | null)[] | null;
  failureReasons?: readonly (string | null)[] | null;
  problemCodes?: readonly (string | null)[] | null;
  notes?: readonly (string | null)[] | null;
}

/** A batch as recordScans takes it: objects or columns, exactly one. */
export interface ScanBatchInput {
  events?: readonly ScanInput[] | null;
  columns?: ScanColumns | null;
}

const OPTIONAL = ['locationKinds', 'locationIds', 'courierIds', 'signerKinds', 'signerNames', 'failureReasons', 'problemCodes', 'notes'] as const;

/**
 * The scans of a batch, one object per scan in input order, whichever shape it came in. A shape
 * error (both or neither shape, columns of different lengths) refuses the whole call
 * (BAD_USER_INPUT, INVALID_SCAN_BATCH): it is not one scan's fault. More than `max` scans:
 * TOO_MANY_EVENTS, before anything is built.
 */
export function scansOfBatch(input: ScanBatchInput, max: number): readonly ScanInput[] {
  const { events, columns } = input;
  if ((events == null) === (columns == null)) throw trackingError('INVALID_SCAN_BATCH', 'Send the scans either as `events` or as `columns`, exactly one');
  if (events) {
    assertBatchSize(events.length, max);
    return events;
  }
  return scansOfColumns(columns as ScanColumns, max);
}

function scansOfColumns(c: ScanColumns, max: number): ScanInput[] {
  const n = c.eventIds.length;
  assertBatchSize(n, max);
  for (const name of ['waybillNos', 'types', 'eventTimes', ...OPTIONAL] as const) {
    const column = c[name];
    if (column != null && column.length !== n) {
      throw trackingError('INVALID_SCAN_BATCH', `columns.${name} has ${column.length} entries, columns.eventIds has ${n}: every column needs one entry per scan`);
    }
  }
  const at = (column: readonly (string | null)[] | null | undefined, i: number): string | null => (column ? (column[i] ?? null) : null);
  const scans: ScanInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const kind = at(c.locationKinds, i);
    const id = at(c.locationIds, i);
    const signerKind = at(c.signerKinds, i);
    const signerName = at(c.signerNames, i);
    scans[i] = {
      eventId: c.eventIds[i],
      waybillNo: c.waybillNos[i],
      type: c.types[i],
      eventTime: c.eventTimes[i],
      // Half a location or a name without a signer kind is the scanner's mistake: validation names it.
      location: kind !== null || id !== null ? { kind: kind ?? '', id: id ?? '' } : null,
      courierId: at(c.courierIds, i),
      signer: signerKind !== null || signerName !== null ? { kind: signerKind ?? '', name: signerName } : null,
      failureReason: at(c.failureReasons, i),
      problemCode: at(c.problemCodes, i),
      note: at(c.notes, i),
    };
  }
  return scans;
}

/**
 * The other way: scans as columns, as a scanner gateway would upload them (clients, loaders and
 * benchmarks). A column no scan uses is left out.
 */
export function columnsOfScans(scans: readonly ScanInput[]): ScanColumns {
  const column = (get: (s: ScanInput) => string | null | undefined) => scans.map((s) => get(s) ?? null);
  const optional: Record<(typeof OPTIONAL)[number], (string | null)[]> = {
    locationKinds: column((s) => s.location?.kind),
    locationIds: column((s) => s.location?.id),
    courierIds: column((s) => s.courierId),
    signerKinds: column((s) => s.signer?.kind),
    signerNames: column((s) => s.signer?.name),
    failureReasons: column((s) => s.failureReason),
    problemCodes: column((s) => s.problemCode),
    notes: column((s) => s.note),
  };
  const columns: ScanColumns = {
    eventIds: scans.map((s) => s.eventId),
    waybillNos: scans.map((s) => s.waybillNo),
    types: scans.map((s) => s.type),
    eventTimes: scans.map((s) => (s.eventTime instanceof Date ? s.eventTime.toISOString() : s.eventTime)),
  };
  for (const name of OPTIONAL) if (optional[name].some((v) => v !== null)) columns[name] = optional[name];
  return columns;
}
