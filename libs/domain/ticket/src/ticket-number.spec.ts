import { thrownCode } from '@courierdesk/domain-core/testing';
import { chinaTime } from '@courierdesk/domain-sla';
import { assertTicketNumber, formatTicketNumber, parseTicketNumber } from './ticket-number';

describe('ticket numbers (工单号)', () => {
  it.each([
    [chinaTime(2026, 12, 2, 9, 30), 123, 'TK20261202-000123'],
    [chinaTime(2026, 12, 2, 0, 0), 1, 'TK20261202-000001'],
    // 23:59 China time is still the 2nd, although UTC is the 2nd too; 00:00 China is the 1st in UTC.
    [chinaTime(2026, 12, 2, 23, 59), 999_999, 'TK20261202-999999'],
    [new Date('2026-12-01T16:00:00Z'), 1, 'TK20261202-000001'],
    [new Date('2026-12-01T15:59:59Z'), 1, 'TK20261201-000001'],
    [chinaTime(2026, 12, 2), 1_000_000, 'TK20261202-1000000'],
    [chinaTime(2024, 2, 29), 42, 'TK20240229-000042'],
  ])('%s #%s → %s', (at, sequence, text) => {
    expect(formatTicketNumber(at, sequence)).toBe(text);
    const parsed = parseTicketNumber(text);
    expect(parsed?.sequence).toBe(sequence);
    expect(parsed?.date.replace(/-/g, '')).toBe(text.slice(2, 10));
  });

  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses sequence %s', (sequence) =>
    expect(thrownCode(() => formatTicketNumber(chinaTime(2026, 1, 1), sequence))).toBe('INVALID_TICKET_SEQUENCE'),
  );

  it('refuses an invalid date', () => expect(thrownCode(() => formatTicketNumber(new Date('x'), 1))).toBe('INVALID_DATE'));

  it.each([
    ['TK20261202-000123', { date: '2026-12-02', sequence: 123 }],
    ['  tk20261202-000123 ', { date: '2026-12-02', sequence: 123 }],
    ['Tk20240229-1234567', { date: '2024-02-29', sequence: 1_234_567 }],
    ['TK20261202-00123', null],
    ['TK20261202-0000123', null],
    ['TK20261202-000000', null],
    ['TK20250229-000001', null],
    ['TK20261302-000001', null],
    ['TK2026120-000001', null],
    ['TX20261202-000123', null],
    ['TK20261202000123', null],
    ['TK20261202-000123x', null],
    ['', null],
  ])('parses %j → %j', (text, parsed) => expect(parseTicketNumber(text)).toEqual(parsed));

  it.each([
    [' tk20261202-000123', 'TK20261202-000123'],
    ['TK20261202-1000000', 'TK20261202-1000000'],
  ])('canonical spelling of %j is %s', (text, canonical) => expect(assertTicketNumber(text)).toBe(canonical));

  it('refuses a malformed number', () => expect(thrownCode(() => assertTicketNumber('TK2026'))).toBe('INVALID_TICKET_NUMBER'));
});
