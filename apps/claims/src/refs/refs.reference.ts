import { isUuid, canonicalId } from '@courierdesk/domain-core';
import { outletRef, ticketRef, waybillRef, type OutletRef, type TicketRef, type WaybillRef } from './refs.type';

// Other subgraphs own waybills and tickets; claims only adds fields to them, each of which checks
// the scope and the row rule itself. A reference is therefore just the key.

/** Waybill references (Waybill.claims). */
export const waybillReference = {
  __resolveReference: (reference: { waybillNo?: unknown }): WaybillRef | null =>
    typeof reference.waybillNo === 'string' && reference.waybillNo.length > 0 && reference.waybillNo.length <= 64 ? waybillRef(reference.waybillNo.toUpperCase()) : null,
};

/** Ticket references (Ticket.claim). */
export const ticketReference = {
  __resolveReference: (reference: { id?: unknown }): TicketRef | null => (isUuid(reference.id) ? ticketRef(canonicalId(reference.id)) : null),
};

/** Outlet references (Outlet.fines, Outlet.balance). */
export const outletReference = {
  __resolveReference: (reference: { id?: unknown }): OutletRef | null => (isUuid(reference.id) ? outletRef(canonicalId(reference.id)) : null),
};
