import { NETWORK_ERROR_CODES } from '@courierdesk/domain-network';
import { ERROR_KINDS } from '@courierdesk/platform-subgraph';
import { SUBGRAPH_ERROR_CODES, subgraphError } from './subgraph.errors';

describe('network subgraph error reasons', () => {
  it.each(SUBGRAPH_ERROR_CODES)('%s has a client-facing kind', (code) => {
    const error = subgraphError(code, 'm');
    expect(ERROR_KINDS).toContain(error.kind);
    expect(error.code).toBe(code);
  });

  it('never reuses a reason of the domain rules (one reason, one meaning)', () => {
    expect(SUBGRAPH_ERROR_CODES.filter((code) => (NETWORK_ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
