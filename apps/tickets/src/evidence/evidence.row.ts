import { selectList, withDates, type ColumnTable } from '@courierdesk/platform-subgraph';

/** A stored piece of evidence (证据) of a ticket: metadata and where the file is kept, never the file. */
export interface EvidenceRow {
  id: string;
  ticketId: string;
  kind: string;
  storageRef: string;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  description: string | null;
  addedBy: string;
  addedByOutletId: string | null;
  addedAt: Date;
  dueAt: Date | null;
}

type P = keyof EvidenceRow;

const COLUMNS: ColumnTable<P> = [
  ['id::text', 'id'], ['ticket_id::text', 'ticketId'], ['kind', 'kind'], ['storage_ref', 'storageRef'], ['file_name', 'fileName'],
  ['content_type', 'contentType'], ['size_bytes::float8', 'sizeBytes'], ['sha256', 'sha256'], ['description', 'description'],
  ['added_by', 'addedBy'], ['added_by_outlet_id::text', 'addedByOutletId'], ['added_at', 'addedAt'], ['due_at', 'dueAt'],
];

const TIMESTAMPS = new Set<P>(['addedAt', 'dueAt']);

/** The select list of an evidence row under alias `v` (timestamps as epoch milliseconds, made Dates by {@link evidenceRowOf}). */
export const EVIDENCE_COLUMNS = selectList('v', COLUMNS, { epochMs: TIMESTAMPS });

/** A raw row selected with EVIDENCE_COLUMNS, made an EvidenceRow. */
export const evidenceRowOf = (raw: Record<string, unknown>): EvidenceRow => withDates<EvidenceRow>(raw, TIMESTAMPS);
