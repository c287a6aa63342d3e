const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a textual UUID (either case): the form of every row id in the graph. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The one spelling of an id: lower case, as PostgreSQL prints a uuid. Keys compared as text (a
 * DataLoader's cache, an outlet restriction) must all go through it, or `A…` and `a…` differ.
 */
export const canonicalId = (id: string): string => id.toLowerCase();
