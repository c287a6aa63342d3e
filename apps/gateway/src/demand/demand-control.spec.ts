import { Role, type Identity } from '@courierdesk/platform-auth';
import { createLogger } from '@courierdesk/platform-subgraph';
import { costBudget, demandControl, RESPONSE_TOO_LARGE } from './demand-control.plugin';
import type { DemandLimits } from './demand-limits';

const limits: DemandLimits = {
  costByRole: { [Role.OUTLET_PARTNER]: 10, [Role.SCANNER]: 20, [Role.AGENT]: 30, [Role.ANALYST]: 40, [Role.ADMIN]: 50, [Role.SERVICE]: 35 },
  maxResponseBytes: 300,
};
const identity = (roles: Role[]): Identity => ({ subject: 's', roles, scopes: [], outletId: null, tokenId: 't' });

describe('costBudget', () => {
  it.each([
    [[Role.OUTLET_PARTNER], 10],
    [[Role.AGENT], 30],
    [[Role.OUTLET_PARTNER, Role.ANALYST], 40],
    [[Role.SERVICE], 35],
    [[], 10],
  ])('roles %j → %i', (roles, budget) => expect(costBudget(identity(roles), limits)).toBe(budget));
});

describe('the response cap', () => {
  const { stringifyResult } = demandControl({ fieldWeights: new Map(), typeWeights: new Map(), listSizes: new Map() }, limits, createLogger('test', 'silent'));
  const refused = `${JSON.stringify({ errors: [RESPONSE_TOO_LARGE], data: null })}\n`;

  it('sends a response within the cap as it is', () => {
    const result = { data: { name: 'x'.repeat(200) } };
    expect(stringifyResult(result)).toBe(`${JSON.stringify(result)}\n`);
  });

  it('replaces one over the cap', () => expect(stringifyResult({ data: { name: 'x'.repeat(400) } })).toBe(refused));

  it('counts bytes, not characters: 120 Chinese characters are 360 bytes', () => {
    const result = { data: { name: '网'.repeat(120) } };
    expect(JSON.stringify(result).length).toBeLessThan(limits.maxResponseBytes);
    expect(stringifyResult(result)).toBe(refused);
  });
});
