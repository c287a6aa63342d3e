const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The form of a network id, as errors state it: outlets, transit centres and couriers are keyed by UUIDs. */
export const NETWORK_ID_FORM = 'network id (UUID) such as 5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e42';

/** True for a textual UUID: the network subgraph's keys (outlets, transit centres, couriers) are UUIDs. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The distinct UUIDs among keys that other subgraphs or clients sent (they may carry anything). */
export const uuidKeys = (keys: readonly unknown[]): string[] => [...new Set(keys.filter(isUuid))].map((id) => id.toLowerCase());
