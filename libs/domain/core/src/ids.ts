const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a textual UUID (either case): the form of every row id in the graph. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The one spelling of an id: lower case, as PostgreSQL prints a uuid. Keys compared as text (a
 * DataLoader's cache, an outlet restriction) must all go through it, or `A…` and `a…` differ.
 */
export const canonicalId = (id: string): string => id.toLowerCase();

/** The form of a network id, as errors state it: outlets, transit centres and couriers are keyed by UUIDs. */
export const NETWORK_ID_FORM = 'network id (UUID) such as 5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e42';
