import { GraphQLDate, GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLScalarType, Kind, getNamedType, isInputObjectType, type GraphQLField, type GraphQLInputType, type ValueNode } from 'graphql';
import { platformError } from './errors';

/*
 * Every subgraph's date-times (`DateTimeISO`, the name clients already use in their variables).
 *
 * graphql-scalars' DateTimeISO, which type-graphql maps `Date` to, throws while GraphQL validates
 * the document (a literal) or coerces the variables. Either way the subgraph answers HTTP 400
 * before any resolver runs; the gateway, whose supergraph scalar accepts any string, gets a "400:
 * Bad Request" it cannot attribute and tells the client INTERNAL_SERVER_ERROR with `data: null`;
 * and the message names neither the argument nor the form wanted. So this scalar never throws on
 * input: a value it cannot read becomes an InvalidDateTime (an Invalid Date remembering the text),
 * and the argument check every field with arguments runs (argument-checks.ts) refuses the field
 * with BAD_USER_INPUT (INVALID_DATE_TIME) naming the argument path and the accepted form.
 */

/** The China offset: a plain date means that day in China, where the network works. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** What a client may send, as every error states it. */
export const DATE_TIME_FORM =
  'an ISO 8601 date-time with an offset such as 2026-12-01T08:00:00+08:00 (or …Z), or a date such as 2026-12-01 (00:00 that day, China time)';

/** An input the scalar could not read: an Invalid Date that remembers what was sent (as shown in errors). Never reaches a resolver. */
export class InvalidDateTime extends Date {
  constructor(readonly sent: string) {
    super(Number.NaN);
  }
}

/**
 * Reads a client's date-time: RFC 3339 with an offset (`Z` or `±hh:mm`), or a bare date taken as
 * 00:00 China time that day (so `createdFrom: "2024-01-01"` is the start of New Year's Day in
 * China, the day agents mean). A time without an offset is refused: the server's zone would
 * decide what it means. Returns null when the text is none of these.
 */
export function parseClientDateTime(text: string): Date | null {
  const value = text.trim();
  const read = (scalar: GraphQLScalarType): Date | null => {
    try {
      return scalar.parseValue(value) as Date;
    } catch {
      return null;
    }
  };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const utcMidnight = read(GraphQLDate);
    return utcMidnight && new Date(utcMidnight.getTime() - CHINA_OFFSET_MS);
  }
  return read(GraphQLDateTimeISO);
}

// What was sent, as an error shows it: quoted when text, cut short (an error is no echo chamber).
const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value).slice(0, 40));

function parseInput(value: unknown): Date {
  if (value instanceof Date && !(value instanceof InvalidDateTime) && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string') return parseClientDateTime(value) ?? new InvalidDateTime(shown(value));
  return new InvalidDateTime(typeof value === 'object' ? 'an object or list' : shown(value));
}

// A literal that is not a string: its number or enum name, else the kind of value (list, object, variable …).
const literalShown = (ast: ValueNode): string => ('value' in ast && typeof ast.value !== 'object' ? String(ast.value).slice(0, 40) : `a ${ast.kind.toLowerCase()} value`);

/** The `DateTimeISO` scalar of every subgraph (see above); output as ISO 8601 UTC, as before. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTimeISO',
  description:
    'A date-time, output in ISO 8601 at UTC (2026-12-01T00:00:00.000Z). As input: ISO 8601 with an offset ' +
    '(2026-12-01T08:00:00+08:00), or a date (2026-12-01) meaning 00:00 that day in China time (UTC+8). ' +
    'Anything else is BAD_USER_INPUT (INVALID_DATE_TIME) naming the argument.',
  serialize: (value) => GraphQLDateTimeISO.serialize(value),
  parseValue: parseInput,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseInput(ast.value) : new InvalidDateTime(literalShown(ast))),
  extensions: GraphQLDateTimeISO.extensions,
});

/** Whether an input type holds a DateTimeISO anywhere (input objects followed, each once). */
function holdsDateTime(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === DateTimeScalar.name) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsDateTime(field.type, seen));
}

/** Whether any argument of a field holds a DateTimeISO. */
export const takesDateTime = (field: GraphQLField<unknown, unknown>): boolean => field.args.some((arg) => holdsDateTime(arg.type));

/** The first unreadable date-time among the arguments, with its path (`filter.createdFrom`, `input.waybills[3].createdAt`). */
function findInvalid(value: unknown, path: string): { path: string; sent: string } | null {
  if (value instanceof InvalidDateTime) return { path, sent: value.sent };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInvalid(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findInvalid(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Throws for arguments holding a date-time the scalar could not read: BAD_USER_INPUT
 * (INVALID_DATE_TIME), e.g. `filter.createdFrom: expected an ISO 8601 date-time … got "x"`.
 */
export function assertReadableDateTimes(args: unknown): void {
  const invalid = findInvalid(args, '');
  if (invalid) throw platformError('INVALID_DATE_TIME', `${invalid.path}: expected ${DATE_TIME_FORM}; got ${invalid.sent}`);
}
