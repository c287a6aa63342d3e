import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// Reasons the tickets subgraph adds to the domain's (TicketRuleError in @courierdesk/domain-ticket:
// TRANSITION_NOT_ALLOWED, REASON_NOT_FOR_KIND, MERGE_INTO_ITSELF …; SlaRuleError) and the platform's
// (INVALID_PAGE_SIZE, INVALID_CURSOR, SCOPE_MISSING, OUTLET_MISMATCH …).
// A shipped reason is API: add reasons here, never rename or reuse one.
const KIND_BY_CODE = {
  /** No ticket with this id or number — or one the caller may not see (no existence oracle for partners). */
  TICKET_NOT_FOUND: 'NOT_FOUND',
  /** The ticket changed since the caller read it (its version moved on): reload and try again. */
  TICKET_VERSION_CONFLICT: 'CONFLICT',
  /** The waybill number names no waybill (or one the caller may not see). */
  WAYBILL_NOT_FOUND: 'NOT_FOUND',
  /** A waybill number that is not one (format or check digit). */
  INVALID_WAYBILL_NO: 'BAD_USER_INPUT',
  /** An outlet, transit centre or ticket id that is not a UUID. */
  INVALID_REFERENCE_ID: 'BAD_USER_INPUT',
  /** Free text too long or empty where it is required (the message names the field). */
  INVALID_TEXT: 'BAD_USER_INPUT',
  /** A time filter whose start is after its end. */
  INVALID_TIME_RANGE: 'BAD_USER_INPUT',
  /** The ticket needs a responsible outlet (or transit centre) and none was given or derivable. */
  RESPONSIBLE_PLACE_REQUIRED: 'BAD_USER_INPUT',
  /** An outlet-bound caller acting for another outlet, or on a ticket its outlet is not party to. */
  OUTLET_NOT_PARTY: 'FORBIDDEN',
  /** Only headquarters may do this (e.g. register a 12305 case, decide between outlets). */
  HQ_ONLY: 'FORBIDDEN',
  /** The ticket was merged into another: act on that one. */
  TICKET_MERGED: 'CONFLICT',
  /** A canned reply code that does not exist. */
  CANNED_REPLY_NOT_FOUND: 'NOT_FOUND',
  /** A reply needs either a canned reply or a body. */
  REPLY_BODY_REQUIRED: 'BAD_USER_INPUT',
  /** The waybill's live data could not be fetched from the graph just now (canned reply placeholders). */
  GRAPH_UNAVAILABLE: 'CONFLICT',
  /** The ticket is at the top of its escalation chain already. */
  ESCALATION_AT_TOP: 'CONFLICT',
  /** Answering a problem parcel needs the named person who answers. */
  ANSWER_REQUIRES_PERSON: 'BAD_USER_INPUT',
  /** Only the other outlet of a problem parcel (or HQ) answers it. */
  NOT_THE_ANSWERING_OUTLET: 'FORBIDDEN',
  /** The action applies to problem parcels only. */
  NOT_A_PROBLEM_PARCEL: 'BAD_USER_INPUT',
  /** Text with U+0000, which PostgreSQL cannot store. */
  INVALID_CHARACTERS: 'BAD_USER_INPUT',
  /** PROACTIVE is the graph's own channel (tickets opened from tracking anomalies). */
  CHANNEL_RESERVED: 'BAD_USER_INPUT',
  /** Urges, complaints, problem parcels and signed-not-received cases are about a waybill. */
  WAYBILL_REQUIRED: 'BAD_USER_INPUT',
  /** A problem parcel names the other outlet, which must answer. */
  COUNTERPART_REQUIRED: 'BAD_USER_INPUT',
  /** Only problem parcels are between two outlets. */
  COUNTERPART_ONLY_FOR_PROBLEM_PARCELS: 'BAD_USER_INPUT',
  /** RESOLVED is reached through resolveTicket, which records the resolution code. */
  USE_RESOLVE: 'BAD_USER_INPUT',
  /** ticket(…) takes exactly one of id and number. */
  TICKET_KEY_REQUIRED: 'BAD_USER_INPUT',
  /** MERGED is the resolution mergeTickets sets; an agent picks another. */
  RESOLUTION_RESERVED: 'BAD_USER_INPUT',
  /** A working-hours value that is not HH:MM, or closes before it opens. */
  INVALID_WORKING_HOURS: 'BAD_USER_INPUT',
  /** commentOnTicket writes INTERNAL or SHARED notes; a reply to the customer goes through replyToCustomer (it runs the clocks). */
  USE_REPLY_TO_CUSTOMER: 'BAD_USER_INPUT',
  /** Evidence metadata that cannot be right: a negative size, a SHA-256 that is not 64 hex digits, a content type that is not type/subtype. */
  INVALID_EVIDENCE_METADATA: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable reasons of the tickets subgraph's own errors. */
export type TicketsErrorCode = keyof typeof KIND_BY_CODE;

/** An error of the tickets subgraph with its stable reason; the platform's formatter turns the kind into `extensions.code`. */
export class TicketsError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every reason, in declaration order. */
export const TICKETS_ERROR_CODES = TicketsError.codes;

/** An error with its stable reason. */
export const ticketsError = (code: TicketsErrorCode, message: string): TicketsError => new TicketsError(code, message);
