import { TicketRuleError } from './ticket.errors';
import type { TicketChannel } from './ticket.vocabulary';

/** The postal regulator's case on a 12305 ticket (12305申诉): its number and the answer deadline it set. */
export interface RegulatorCase {
  caseNo: string;
  dueAt: Date;
}

/**
 * Checks the regulator case of a new ticket (12305工单). A REGULATOR_12305 ticket must carry the
 * case number and the deadline the regulator gave: the answer goes back under that number, by that
 * date, and a missed one is reported against the company. Other channels may carry a case too
 * (a customer escalated to 12305 later). Returns the case trimmed, or null when there is none.
 * Throws REGULATOR_CASE_REQUIRED.
 */
export function assertRegulatorCase(
  channel: TicketChannel,
  regulatorCase: { caseNo?: string | null; dueAt?: Date | null } | null | undefined,
): RegulatorCase | null {
  const caseNo = regulatorCase?.caseNo?.trim() ?? '';
  const dueAt = regulatorCase?.dueAt;
  const validDue = dueAt instanceof Date && !Number.isNaN(dueAt.getTime());
  if (caseNo && validDue) return { caseNo, dueAt };
  if (channel !== 'REGULATOR_12305' && !caseNo && dueAt == null) return null;
  throw new TicketRuleError('REGULATOR_CASE_REQUIRED', 'a 12305 case needs the regulator case number and the deadline the regulator set', {
    channel,
    missing: [!caseNo && 'caseNo', !validDue && 'dueAt'].filter(Boolean),
  });
}
