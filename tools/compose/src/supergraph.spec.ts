import { buildSupergraph, readCommittedSupergraph } from './compose';

describe('supergraph.graphql', () => {
  it('is what the subgraphs compose to today (run `npm run compose` after a schema change)', async () => {
    const fresh = await buildSupergraph();
    expect(fresh).toContain('@join__graph(name: "network"');
    expect(fresh).toContain('@join__graph(name: "tracking"');
    expect(readCommittedSupergraph()).toBe(fresh);
  });
});
