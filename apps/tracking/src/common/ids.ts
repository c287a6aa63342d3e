const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a textual UUID: the network subgraph's keys (outlets, transit centres, couriers) are UUIDs. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The distinct UUIDs among keys that other subgraphs or clients sent (they may carry anything). */
export const uuidKeys = (keys: readonly unknown[]): string[] => [...new Set(keys.filter(isUuid))].map((id) => id.toLowerCase());
