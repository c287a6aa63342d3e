import { AnomalyPolicy, DEFAULT_ANOMALY_POLICY, validateAnomalyPolicy } from './anomaly.policy';
import { thrownCode } from '@courierdesk/domain-core/testing';

describe('anomaly policy', () => {
  it('has the documented defaults', () =>
    expect(DEFAULT_ANOMALY_POLICY).toMatchObject({
      version: 'anomaly-2020.1',
      stallHours: 72,
      noPickupHours: 24,
      repeatedFailureCount: 2,
      finalOutletArrivalHours: 48,
      stretchInPeakSeason: true,
    }));

  it('flags every signer but the recipient by default', () => {
    expect(DEFAULT_ANOMALY_POLICY.signedByOtherKinds).not.toContain('RECIPIENT');
    expect(DEFAULT_ANOMALY_POLICY.signedByOtherKinds).toEqual(expect.arrayContaining(['GUARD', 'MAILROOM', 'NEIGHBOUR', 'LOCKER', 'STATION', 'OTHER']));
  });

  it('accepts the default', () => expect(validateAnomalyPolicy(DEFAULT_ANOMALY_POLICY)).toBe(DEFAULT_ANOMALY_POLICY));

  it.each([
    ['no version', { version: '' }, 'INVALID_ANOMALY_POLICY'],
    ['a zero stall threshold', { stallHours: 0 }, 'INVALID_ANOMALY_POLICY'],
    ['a negative pickup threshold', { noPickupHours: -1 }, 'INVALID_ANOMALY_POLICY'],
    ['an infinite arrival threshold', { finalOutletArrivalHours: Infinity }, 'INVALID_ANOMALY_POLICY'],
    ['a fractional failure count', { repeatedFailureCount: 1.5 }, 'INVALID_ANOMALY_POLICY'],
    ['a zero failure count', { repeatedFailureCount: 0 }, 'INVALID_ANOMALY_POLICY'],
    ['the recipient as "other"', { signedByOtherKinds: ['RECIPIENT'] }, 'INVALID_ANOMALY_POLICY'],
    ['an unknown signer', { signedByOtherKinds: ['DOG'] }, 'INVALID_ANOMALY_POLICY'],
    ['a missing stretch flag', { stretchInPeakSeason: undefined }, 'INVALID_ANOMALY_POLICY'],
    ['an invalid start', { effectiveFrom: new Date('x') }, 'INVALID_DATE'],
  ])('rejects %s', (_label, change, code) =>
    expect(thrownCode(() => validateAnomalyPolicy({ ...DEFAULT_ANOMALY_POLICY, ...change } as unknown as AnomalyPolicy))).toBe(code),
  );
});
