/**
 * Sizes of the tickets subgraph's lists that are not connections, bounded on write and assumed by
 * the gateway's cost estimate (`@listSize(assumedSize:)`).
 */

/** Comments, replies and evidence of one ticket grow with the case: they are connections. */

/**
 * SLA clocks of one ticket shown: first reply, resolution, the two statutory clocks and the latest
 * next-reply cycles (one per customer message awaiting a reply; older met cycles are cut first).
 */
export const MAX_CLOCKS = 20;

/** Escalation steps of one ticket: the longest chain is four levels; a re-escalation after a reopen can repeat some. */
export const MAX_ESCALATIONS = 20;

/** Canned replies (标准回复) in the catalogue. */
export const MAX_CANNED_REPLIES = 100;

/** Tickets one waybill's `tickets` field returns: newest first, cut here (a waybill rarely has more than a handful). */
export const MAX_TICKETS_PER_WAYBILL = 50;

/** Longest free text of a comment, reply or description. */
export const MAX_TEXT_LENGTH = 4000;

/** Longest short text (title, names, case numbers, storage references). */
export const MAX_SHORT_TEXT_LENGTH = 200;
