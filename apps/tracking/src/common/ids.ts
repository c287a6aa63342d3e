export { isUuid, NETWORK_ID_FORM } from '@courierdesk/domain-core';
export { uuidKeys } from '@courierdesk/platform-subgraph';
