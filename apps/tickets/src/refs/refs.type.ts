import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of tracking's Waybill (key only), to which tickets adds the waybill's tickets. */
@Directive('@key(fields: "waybillNo")')
@ObjectType('Waybill')
export class WaybillRef {
  @Field()
  waybillNo: string;
}

/** Stub of network's Outlet (key only), to which tickets adds its queue and SLA figures. */
@Directive('@key(fields: "id")')
@ObjectType('Outlet')
export class OutletRef {
  @Field(() => ID)
  id: string;
}

/** Stub of network's TransitCentre (key only), to which tickets adds its queue. */
@Directive('@key(fields: "id")')
@ObjectType('TransitCentre')
export class TransitCentreRef {
  @Field(() => ID)
  id: string;
}

/** A reference to a waybill, or null. */
export const waybillRef = (waybillNo: string | null): WaybillRef | null => (waybillNo ? Object.assign(new WaybillRef(), { waybillNo }) : null);

/** A reference to an outlet, or null. */
export const outletRef = (id: string | null): OutletRef | null => (id ? Object.assign(new OutletRef(), { id }) : null);

/** A reference to a transit centre, or null. */
export const transitCentreRef = (id: string | null): TransitCentreRef | null => (id ? Object.assign(new TransitCentreRef(), { id }) : null);
