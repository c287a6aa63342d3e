/** Kinds of business-rule failure; the platform maps each to GraphQL `extensions.code`. */
export type DomainErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

/** An area's error codes with the kind each maps to. A shipped code is API: add, never rename or reuse. */
export type ErrorCodeTable = Readonly<Record<string, DomainErrorKind>>;

/** Every code of a table, for exhaustive mapping and tests. */
export function errorCodes<T extends ErrorCodeTable>(table: T): (keyof T & string)[] {
  return Object.keys(table) as (keyof T & string)[];
}

/**
 * A broken business rule, with a stable `code` and the `kind` the platform maps to GraphQL.
 * Each area (network, parcel, SLA, …) subclasses it with its own code table.
 */
export abstract class DomainError<C extends string = string> extends Error {
  protected constructor(
    readonly code: C,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
