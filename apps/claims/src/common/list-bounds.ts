/**
 * Sizes of the claims subgraph's lists that are not connections, bounded on write and assumed by
 * the gateway's cost estimate (`@listSize(assumedSize:)`).
 */

/** Claims one waybill's `claims` field returns: newest first, cut here (a waybill rarely has more than a few). */
export const MAX_CLAIMS_PER_WAYBILL = 20;

/** Evidence items on one claim: filing refuses more (a claim needs a handful of documents and photos). */
export const MAX_EVIDENCE_PER_CLAIM = 50;

/** Audit lines of one claim shown (a claim has a dozen; the cut is a guard). */
export const MAX_HISTORY_LINES = 200;

/** Lines of a decision's breakdown (a handful in practice). */
export const MAX_DECISION_LINES = 20;

/** Longest free text (description, rejection reason, notes). */
export const MAX_TEXT_LENGTH = 4000;

/** Longest short text (storage references). */
export const MAX_SHORT_TEXT_LENGTH = 500;

/** Stable codes of one decision (the outcome, the incident, each fact used): a rule names a handful. */
export const MAX_DECISION_CODES = 30;

/** Evidence kinds one requirement accepts (photo, recording, document, …). */
export const MAX_ACCEPTED_KINDS = 10;

/** Evidence references on one fine or arbitration statement (refused above it on write). */
export const MAX_EVIDENCE_REFS = 20;
