import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * Stub of the tickets subgraph's Ticket, to which tracking adds the charge check of the ticket's
 * waybill: the gateway fetches `waybillNo` from tickets first (@requires), so an "overcharged"
 * complaint (乱收费) shows the check without the agent looking the waybill up.
 */
@Directive('@key(fields: "id")')
@ObjectType('Ticket')
export class TicketRef {
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Field(() => String, { nullable: true })
  waybillNo: string | null;
}

/** Stub of the network subgraph's District (区县), to which tracking adds what its tariff and lanes say about it. */
@Directive('@key(fields: "code")')
@ObjectType('District')
export class DistrictRef {
  @Field()
  code: string;
}

/** What the tariff in force says about delivering to a district. */
@ObjectType('RemoteAreaAnswer', { description: 'Whether delivering to a district costs extra (偏远地区/偏远附加费), by the tariff in force.' })
export class RemoteAreaAnswer {
  @Field()
  tariffVersion: string;

  @Field({ description: 'The district lies under one of the tariff’s remote-area prefixes: the remote-area surcharge applies.' })
  surchargeApplies: boolean;

  @Field(() => Int, { description: 'The surcharge per parcel, fen; 0 when it does not apply.' })
  surchargeFen: number;

  @Field({ description: 'The province is priced REMOTE from other provinces (偏远省份).' })
  remoteProvince: boolean;

  @Field({ description: 'One sentence for the customer (中文).' })
  explanationZh: string;
}

export const ticketRef = (id: string, waybillNo: string | null): TicketRef => Object.assign(new TicketRef(), { id, waybillNo });
export const districtRef = (code: string): DistrictRef => Object.assign(new DistrictRef(), { code });

/** Ticket references: the key and the waybill number the gateway brings along (@requires). */
export const ticketReference = {
  __resolveReference: (reference: { id?: unknown; waybillNo?: unknown }): TicketRef | null =>
    typeof reference.id === 'string' && reference.id.length <= 64
      ? ticketRef(reference.id, typeof reference.waybillNo === 'string' && reference.waybillNo.length <= 64 ? reference.waybillNo.toUpperCase() : null)
      : null,
};

/** District references: the six-digit code. */
export const districtReference = {
  __resolveReference: (reference: { code?: unknown }): DistrictRef | null =>
    typeof reference.code === 'string' && /^\d{6}$/.test(reference.code) ? districtRef(reference.code) : null,
};
