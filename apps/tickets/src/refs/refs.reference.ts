import { canonicalId, isUuid } from '@courierdesk/domain-core';
import { outletRef, transitCentreRef, waybillRef, type OutletRef, type TransitCentreRef, type WaybillRef } from './refs.type';

// Other subgraphs own waybills, outlets and transit centres; tickets only adds fields to them,
// each of which checks the scope and the row rule itself. A reference is therefore just the key.

/** Waybill references (Waybill.tickets). */
export const waybillReference = {
  __resolveReference: (reference: { waybillNo?: unknown }): WaybillRef | null =>
    typeof reference.waybillNo === 'string' && reference.waybillNo.length > 0 && reference.waybillNo.length <= 64 ? waybillRef(reference.waybillNo.toUpperCase()) : null,
};

/** Outlet references (Outlet.openTickets, Outlet.slaStats). */
export const outletReference = {
  __resolveReference: (reference: { id?: unknown }): OutletRef | null => (isUuid(reference.id) ? outletRef(canonicalId(reference.id)) : null),
};

/** TransitCentre references (TransitCentre.openTickets). */
export const transitCentreReference = {
  __resolveReference: (reference: { id?: unknown }): TransitCentreRef | null => (isUuid(reference.id) ? transitCentreRef(canonicalId(reference.id)) : null),
};
