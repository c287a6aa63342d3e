import { auditPersonalData } from '@courierdesk/platform-subgraph';
import { SUBGRAPHS } from './subgraphs';

// Each subgraph walks its own schema against real rows (<subgraph>.personal-data.int-spec.ts);
// this keeps every subgraph the graph composes under the same rule, a new one included.
describe('personal data across the graph', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s declares or allows every person-like field', async (_name, subgraph) => {
    expect(auditPersonalData(await subgraph.build(), subgraph.notPersonalData)).toEqual([]);
  });
});
