import { claimIncident } from './claim-incident';

describe('claimIncident: what the scans must place for a claim', () => {
  it.each([
    ['LOSS', null, 'LOSS'],
    ['DAMAGE', null, 'DAMAGE'],
    ['PARTIAL_LOSS', null, 'DAMAGE'],
    ['DELAY', null, 'DELAY'],
    ['RETURN_FREIGHT', 'CARRIER_DELAY', 'DELAY'],
    ['RETURN_FREIGHT', 'DAMAGED_IN_CARRIAGE', 'DAMAGE'],
    ['RETURN_FREIGHT', 'COURIER_MISCONDUCT', null],
    ['RETURN_FREIGHT', 'NOT_AS_DESCRIBED', null],
    ['RETURN_FREIGHT', 'NO_REASON', null],
    ['RETURN_FREIGHT', 'PLATFORM_NO_REASON_RETURN', null],
    ['OVERCHARGE', null, null],
  ] as const)('%s (%s) → %s', (kind, cause, incident) => {
    expect(claimIncident(kind, cause)).toBe(incident);
  });
});
