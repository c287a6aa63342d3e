import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of tracking's Waybill (key only), to which claims adds the waybill's claims. */
@Directive('@key(fields: "waybillNo")')
@ObjectType('Waybill')
export class WaybillRef {
  @Field()
  waybillNo: string;
}

/** Stub of tickets' Ticket (key only), to which claims adds the claim filed from it. */
@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class TicketRef {
  @Field(() => ID)
  id: string;
}

/** Stub of network's Outlet (key only), to which claims adds its fines and ledger balance. */
@Directive('@key(fields: "id")')
@ObjectType('Outlet')
export class OutletRef {
  @Field(() => ID)
  id: string;
}

/** Stub of network's TransitCentre (key only): claims refers to transit centres and adds nothing to them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('TransitCentre')
export class TransitCentreRef {
  @Field(() => ID)
  id: string;
}

/** A reference to a waybill. */
export const waybillRef = (waybillNo: string): WaybillRef => Object.assign(new WaybillRef(), { waybillNo });

/** A reference to a ticket, or null. */
export const ticketRef = (id: string | null): TicketRef | null => (id ? Object.assign(new TicketRef(), { id }) : null);

/** A reference to an outlet, or null. */
export const outletRef = (id: string | null): OutletRef | null => (id ? Object.assign(new OutletRef(), { id }) : null);

/** A reference to a transit centre, or null. */
export const transitCentreRef = (id: string | null): TransitCentreRef | null => (id ? Object.assign(new TransitCentreRef(), { id }) : null);
