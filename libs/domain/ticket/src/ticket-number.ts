import { assertValidDate, chinaDateOf, formatCalendarDate, isRealDate } from '@courierdesk/domain-sla';
import { TicketRuleError } from './ticket.errors';

/** Prefix of every ticket number (工单号). */
export const TICKET_NUMBER_PREFIX = 'TK';

/** Digits the sequence is zero-padded to; larger sequences simply grow longer. */
export const TICKET_SEQUENCE_DIGITS = 6;

// Canonical form: exactly 6 digits, or more without a leading zero, so one ticket has one spelling.
const TICKET_NUMBER = /^TK(\d{4})(\d{2})(\d{2})-(\d{6}|[1-9]\d{6,})$/;

/** Throws INVALID_TICKET_SEQUENCE unless `sequence` is a positive safe integer. */
function assertSequence(sequence: number): number {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new TicketRuleError('INVALID_TICKET_SEQUENCE', `ticket sequence must be a positive integer, got ${sequence}`, { sequence });
  }
  return sequence;
}

/**
 * The ticket number (工单号) `TK20261202-000123`: the China calendar date (UTC+8) the ticket was
 * created, and the caller's sequence, zero-padded to 6 digits and longer when larger.
 * Throws INVALID_DATE, INVALID_TICKET_SEQUENCE.
 */
export function formatTicketNumber(createdAt: Date, sequence: number): string {
  const date = formatCalendarDate(chinaDateOf(assertValidDate(createdAt, 'createdAt'))).replace(/-/g, '');
  return `${TICKET_NUMBER_PREFIX}${date}-${String(assertSequence(sequence)).padStart(TICKET_SEQUENCE_DIGITS, '0')}`;
}

/** A ticket number read back: its China date as `YYYY-MM-DD` and its sequence. */
export interface ParsedTicketNumber {
  date: string;
  sequence: number;
}

/**
 * Reads a ticket number typed by a person (trimmed, any case); null unless it is a canonical one:
 * a real date, a sequence ≥ 1, no extra leading zeros.
 */
export function parseTicketNumber(text: string): ParsedTicketNumber | null {
  const match = TICKET_NUMBER.exec(String(text ?? '').trim().toUpperCase());
  if (!match) return null;
  const [year, month, day, sequence] = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
  if (!isRealDate(year, month, day) || !Number.isSafeInteger(sequence) || sequence < 1) return null;
  return { date: formatCalendarDate({ year, month, day }), sequence };
}

/** The canonical spelling of a typed ticket number (upper case, trimmed). Throws INVALID_TICKET_NUMBER. */
export function assertTicketNumber(text: string): string {
  const parsed = parseTicketNumber(text);
  if (!parsed) {
    throw new TicketRuleError('INVALID_TICKET_NUMBER', `"${text}" is not a ticket number such as TK20261202-000123`, { ticketNumber: text });
  }
  return `${TICKET_NUMBER_PREFIX}${parsed.date.replace(/-/g, '')}-${String(parsed.sequence).padStart(TICKET_SEQUENCE_DIGITS, '0')}`;
}
