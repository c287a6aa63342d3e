import type { ProblemCode } from '@courierdesk/domain-parcel';
import {
  assertAnsweredBy,
  canMove,
  problemDisposition,
  problemParcelState,
  TicketRuleError,
  type ProblemParcelPolicy,
  type TicketStatus,
} from '@courierdesk/domain-ticket';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet } from '../common/access';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../common/list-bounds';
import { ticketsError } from '../common/tickets.errors';
import { outletRef, type OutletRef } from '../refs/refs.type';
import { textArg } from '@courierdesk/platform-subgraph';
import type { TicketWorkflowService } from '../ticket/ticket-workflow.service';
import type { TicketRow } from '../ticket/ticket.row';
import type { AnswerProblemParcelInput, ReportRecipientUnreachableInput } from './problem-parcel.input';
import { ProblemParcelOrder } from './problem-parcel.type';

/**
 * Problem parcels between outlets (问题件工单): the registering outlet (the ticket's responsible
 * outlet) raised it; the other outlet is notified and must answer, by a named person, within the
 * policy's hours — unanswered past them, the parcel is returned. Its state is the domain's
 * (problemParcelState), computed from the stored facts and the clock.
 */
export class ProblemParcelService {
  constructor(
    private readonly workflow: TicketWorkflowService,
    private readonly policies: readonly ProblemParcelPolicy[],
  ) {}

  /** The answer (问题件回复): the answering outlet or HQ only; moves an open or waiting ticket to IN_PROGRESS. */
  answer(identity: Identity, input: AnswerProblemParcelInput): Promise<TicketRow> {
    const answeredBy = textArg(assertAnsweredBy(input.answeredBy), 'answeredBy', MAX_SHORT_TEXT_LENGTH, true) as string;
    const answer = textArg(input.answer, 'answer', MAX_TEXT_LENGTH, true) as string;
    return this.workflow.change(identity, input.ticketId, input.version, (row, actor) => {
      assertOpenProblemParcel(row, 'IN_PROGRESS');
      const own = callerOutlet(identity);
      if (own !== null && own !== row.counterpartOutletId) {
        throw ticketsError('NOT_THE_ANSWERING_OUTLET', `Ticket ${row.number} is answered by the other outlet (or headquarters), not the one that registered it`);
      }
      const changes: Partial<TicketRow> = {
        problemAnsweredBy: answeredBy,
        problemAnswer: answer,
        // The first answer met (or missed) the deadline; a corrected answer does not move it.
        problemAnsweredAt: row.problemAnsweredAt ?? actor.at,
      };
      if ((row.status === 'OPEN' || row.status === 'WAITING_FOR_OUTLET') && canMove(row.status, 'IN_PROGRESS')) changes.status = 'IN_PROGRESS';
      // A problem parcel's "customer" is the registering outlet: the other outlet's answer is the case's
      // reply, so the first-reply clock is met by it (a REPLIED line, as the SLA desk reads replies).
      const reply = row.problemAnsweredAt === null ? [{ type: 'REPLIED', detail: { by: 'PROBLEM_PARCEL_ANSWER' } }] : [];
      if (row.firstReplyAt === null) changes.firstReplyAt = actor.at;
      return { changes, type: 'PROBLEM_PARCEL_ANSWERED', extra: reply };
    });
  }

  /** A failed attempt to reach the recipient: every one on the audit trail, the first one starting the return countdown. */
  reportRecipientUnreachable(identity: Identity, input: ReportRecipientUnreachableInput): Promise<TicketRow> {
    return this.workflow.change(identity, input.ticketId, input.version, (row, actor) => {
      assertOpenProblemParcel(row, null);
      return {
        changes: row.problemFirstUnreachableAt ? {} : { problemFirstUnreachableAt: actor.at },
        type: 'RECIPIENT_UNREACHABLE',
        extra: [{ type: 'RECIPIENT_UNREACHABLE', detail: { first: row.problemFirstUnreachableAt === null } }],
      };
    });
  }

  /** The order's view at `now`; null for tickets of other kinds. */
  orderOf(row: TicketRow, now: Date): ProblemParcelOrder | null {
    if (row.kind !== 'PROBLEM_PARCEL' || !row.responsibleOutletId || !row.counterpartOutletId) return null;
    const state = problemParcelState(
      {
        registeredAt: row.openedAt,
        answeredAt: row.problemAnsweredAt,
        now,
        reason: row.reason as ProblemCode,
        firstUnreachableAt: row.problemFirstUnreachableAt,
      },
      this.policies,
    );
    return Object.assign(new ProblemParcelOrder(), {
      registeringOutlet: outletRef(row.responsibleOutletId) as OutletRef,
      answeringOutlet: outletRef(row.counterpartOutletId) as OutletRef,
      disposition: problemDisposition(row.reason as ProblemCode),
      answerDueAt: state.answerDueAt,
      answeredAt: row.problemAnsweredAt,
      answeredLate: state.answeredLate,
      answeredBy: row.problemAnsweredBy,
      answer: row.problemAnswer,
      firstUnreachableAt: row.problemFirstUnreachableAt,
      returnDueAt: state.returnDueAt,
      flags: state.flags,
      policyVersion: state.policyVersion,
      parties: { responsibleOutletId: row.responsibleOutletId, counterpartOutletId: row.counterpartOutletId },
    });
  }
}

/** Throws NOT_A_PROBLEM_PARCEL for other kinds, TRANSITION_NOT_ALLOWED once the case is resolved or closed. */
function assertOpenProblemParcel(row: TicketRow, to: TicketStatus | null): void {
  if (row.kind !== 'PROBLEM_PARCEL') throw ticketsError('NOT_A_PROBLEM_PARCEL', `Ticket ${row.number} is a ${row.kind} ticket, not a problem parcel`);
  if (row.status === 'RESOLVED' || row.status === 'CLOSED') {
    throw new TicketRuleError('TRANSITION_NOT_ALLOWED', `a ${row.status} problem parcel takes no more answers or reports; reopen it first`, {
      from: row.status,
      to,
    });
  }
}
