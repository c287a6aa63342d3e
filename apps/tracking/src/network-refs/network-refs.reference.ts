import { canonicalId } from '@courierdesk/domain-core';
import { isUuid } from '../common/ids';
import { outletRef, transitCentreRef, type OutletRef, type TransitCentreRef } from './network-refs.type';

// The network owns outlets and transit centres; tracking only adds fields to them, each of which
// checks the scope and the row rule itself. A reference is therefore just the key, no query.

/** Outlet references (the gateway asking for inboundWaybills …). */
export const outletReference = {
  __resolveReference: (reference: { id?: unknown }): OutletRef | null => (isUuid(reference.id) ? outletRef(canonicalId(reference.id)) : null),
};

/** TransitCentre references (stalledWaybills). */
export const transitCentreReference = {
  __resolveReference: (reference: { id?: unknown }): TransitCentreRef | null =>
    isUuid(reference.id) ? transitCentreRef(canonicalId(reference.id)) : null,
};
