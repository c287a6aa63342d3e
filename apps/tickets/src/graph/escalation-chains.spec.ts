import { GraphUnavailableError, type GraphClient, type GraphResponse } from '@courierdesk/platform-subgraph';
import { GraphEscalationChains } from './escalation-chains';

const OUTLET = '11111111-1111-4111-8111-111111111111';

/** A graph that answers one fixed response (or fails), recording what it was asked. */
function graphAnswering(answer: GraphResponse<unknown> | Error) {
  const asked: Record<string, unknown>[] = [];
  const graph: GraphClient = {
    async request<T>(_query: string, variables: Record<string, unknown> = {}) {
      asked.push(variables);
      if (answer instanceof Error) throw answer;
      return answer as GraphResponse<T>;
    },
  };
  return { graph, asked };
}

describe('GraphEscalationChains', () => {
  it('asks network for the outlet and topic and returns the steps in calling order', async () => {
    const { graph, asked } = graphAnswering({
      data: {
        escalationChain: {
          steps: [
            { position: 2, role: 'OUTLET_MANAGER', name: '李经理', phone: '13900000002' },
            { position: 1, role: 'ARRIVAL_CS', name: '小周', phone: '13900000001' },
          ],
        },
      },
      errors: [],
    });
    expect(await new GraphEscalationChains(graph).chain(OUTLET, 'COMPLAINT')).toEqual([
      { role: 'ARRIVAL_CS', name: '小周', phone: '13900000001' },
      { role: 'OUTLET_MANAGER', name: '李经理', phone: '13900000002' },
    ]);
    expect(asked).toEqual([{ outletId: OUTLET, topic: 'COMPLAINT' }]);
  });

  it('an outlet the network does not know has nobody to call', async () => {
    const { graph } = graphAnswering({ data: null, errors: [{ message: 'No outlet', path: ['escalationChain'], extensions: { code: 'NOT_FOUND', reason: 'OUTLET_NOT_FOUND' } }] });
    expect(await new GraphEscalationChains(graph).chain(OUTLET, 'DELIVERY')).toEqual([]);
  });

  it.each([
    ['no answer', new GraphUnavailableError('down')],
    ['a refusal', { data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }],
    ['an empty answer', { data: null, errors: [] }],
  ] as const)('%s is GRAPH_UNAVAILABLE', async (_what, answer) => {
    const { graph } = graphAnswering(answer as GraphResponse<unknown> | Error);
    await expect(new GraphEscalationChains(graph).chain(OUTLET, 'DELIVERY')).rejects.toMatchObject({ code: 'GRAPH_UNAVAILABLE' });
  });
});
