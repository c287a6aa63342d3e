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

/**
 * The base class of one area's errors, made from its code table — the one way every area
 * declares its codes: `export class ParcelRuleError extends ruleErrorClass(KIND_BY_CODE) {}`.
 * The class knows its codes (`codes`) and the kind of each (`kindOf`).
 */
export function ruleErrorClass<T extends ErrorCodeTable>(table: T) {
  type Code = keyof T & string;
  abstract class AreaRuleError extends DomainError<Code> {
    /** Every code of the area, in declaration order. */
    static readonly codes: readonly Code[] = errorCodes(table);

    /** The kind a code maps to. */
    static kindOf(code: Code): DomainErrorKind {
      return table[code];
    }

    constructor(code: Code, message: string, details: Readonly<Record<string, unknown>> = {}) {
      super(code, table[code], message, details);
    }
  }
  return AreaRuleError;
}
