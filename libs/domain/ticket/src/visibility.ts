import { canonicalId } from '@courierdesk/domain-core';
import type { CommentVisibility } from './ticket.vocabulary';

/** Who is reading: HQ staff, or an outlet's staff (outletId). */
export interface CommentViewer {
  hq: boolean;
  outletId: string | null;
}

/** What the rule reads of a comment; authorOutletId is null for HQ's own notes. */
export interface CommentAccess {
  visibility: CommentVisibility;
  authorOutletId: string | null;
}

/** The outlets party to a ticket (origin, destination, the outlets of a problem parcel). */
export interface TicketParties {
  outletIds: readonly string[];
}

const same = (a: string | null, b: string | null): boolean => a !== null && b !== null && canonicalId(a) === canonicalId(b);

/**
 * Who reads which comment (备注可见性). HQ reads everything. An outlet reads nothing of a ticket it
 * is not party to; of its own tickets it reads CUSTOMER replies and SHARED notes, and INTERNAL notes
 * only when its own side wrote them — HQ's internal notes (often about fining that outlet) and the
 * other outlet's are not its business.
 */
export function canReadComment(viewer: CommentViewer, comment: CommentAccess, ticket: TicketParties): boolean {
  if (viewer.hq) return true;
  if (!ticket.outletIds.some((id) => same(id, viewer.outletId))) return false;
  if (comment.visibility === 'INTERNAL') return same(comment.authorOutletId, viewer.outletId);
  return comment.visibility === 'SHARED' || comment.visibility === 'CUSTOMER';
}

/** The comments a viewer may read, in the order given. */
export const readableComments = <C extends CommentAccess>(viewer: CommentViewer, comments: readonly C[], ticket: TicketParties): C[] =>
  comments.filter((comment) => canReadComment(viewer, comment, ticket));
