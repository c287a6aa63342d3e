/** A piece of claim evidence as stored. */
export interface ClaimEvidenceRow {
  id: string;
  claimId: string;
  item: string;
  kind: string;
  storageRef: string;
  description: string | null;
  addedBy: string;
  addedAt: Date;
}

/** The select list of claim_evidence under alias `v`. */
export const EVIDENCE_COLUMNS = `v.id, v.claim_id AS "claimId", v.item, v.kind, v.storage_ref AS "storageRef", v.description, v.added_by AS "addedBy", v.added_at AS "addedAt"`;
