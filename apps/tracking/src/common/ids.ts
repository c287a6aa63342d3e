import { canonicalId, isUuid, NETWORK_ID_FORM } from '@courierdesk/domain-core';

export { isUuid, NETWORK_ID_FORM };

/** The distinct UUIDs among keys that other subgraphs or clients sent (they may carry anything). */
export const uuidKeys = (keys: readonly unknown[]): string[] => [...new Set(keys.filter(isUuid))].map(canonicalId);
