import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Stub of network's Outlet (key only), to which the money side adds `fines` and `balance`.
 * claims-core declares an OutletRef too (refs/refs.type.ts, `resolvable: false`): a schema holds one
 * `Outlet`, so the lead keeps that one, resolvable, and points these imports at it.
 */
@Directive('@key(fields: "id")')
@ObjectType('Outlet')
export class OutletRef {
  @Field(() => ID)
  id: string;
}

/** A reference to an outlet. */
export const outletRef = (id: string): OutletRef => Object.assign(new OutletRef(), { id });
