import { NETWORK_ERROR_CODES } from '@courierdesk/domain-network';
import { PARCEL_ERROR_CODES } from '@courierdesk/domain-parcel';
import { ERROR_KINDS } from '@courierdesk/platform-subgraph';
import { TRACKING_ERROR_CODES, trackingError } from './tracking.errors';

describe('tracking subgraph error reasons', () => {
  it.each(TRACKING_ERROR_CODES)('%s has a client-facing kind', (code) => {
    const error = trackingError(code, 'm');
    expect(ERROR_KINDS).toContain(error.kind);
    expect(error.code).toBe(code);
  });

  it('never reuses a reason of the domain rules (one reason, one meaning)', () => {
    const domain: readonly string[] = [...PARCEL_ERROR_CODES, ...NETWORK_ERROR_CODES];
    expect(TRACKING_ERROR_CODES.filter((code) => domain.includes(code))).toEqual([]);
  });
});
