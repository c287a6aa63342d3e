import { Directive, Field, ID, InterfaceType, ObjectType } from 'type-graphql';

/**
 * Where a scan happened or a parcel is: an Outlet (网点) or a TransitCentre (分拨中心) of the
 * network subgraph. Tracking stores only the key; the gateway fetches the rest from network.
 */
@InterfaceType('ScanLocation', {
  description: 'Where a scan happened: an Outlet (网点) or a TransitCentre (分拨中心); their other fields come from the network subgraph.',
  resolveType: (value) => (value instanceof TransitCentreRef ? 'TransitCentre' : 'Outlet'),
})
export abstract class ScanLocation {
  @Field(() => ID)
  id: string;
}

/** Stub of network's Outlet (key only), to which tracking adds inbound/outbound waybills. */
@Directive('@key(fields: "id")')
@ObjectType('Outlet', { implements: ScanLocation })
export class OutletRef implements ScanLocation {
  @Field(() => ID)
  id: string;
}

/** Stub of network's TransitCentre (key only), to which tracking adds the parcels stalled there. */
@Directive('@key(fields: "id")')
@ObjectType('TransitCentre', { implements: ScanLocation })
export class TransitCentreRef implements ScanLocation {
  @Field(() => ID)
  id: string;
}

/** Stub of network's Courier (key only): tracking refers to couriers and adds nothing to them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Courier')
export class CourierRef {
  @Field(() => ID)
  id: string;
}

/** A reference to an outlet. */
export const outletRef = (id: string): OutletRef => Object.assign(new OutletRef(), { id });

/** A reference to a transit centre. */
export const transitCentreRef = (id: string): TransitCentreRef => Object.assign(new TransitCentreRef(), { id });

/** A reference to a courier, or null. */
export const courierRef = (id: string | null): CourierRef | null => (id ? Object.assign(new CourierRef(), { id }) : null);

/** The reference for a stored place (kind + id), or null. */
export function placeRef(place: { kind: 'HUB' | 'OUTLET'; id: string } | null): ScanLocation | null {
  if (!place) return null;
  return place.kind === 'HUB' ? transitCentreRef(place.id) : outletRef(place.id);
}
