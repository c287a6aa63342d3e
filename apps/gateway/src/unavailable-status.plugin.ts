import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './gateway.context';
import { SERVICE_UNAVAILABLE } from './subgraph-unavailable';

/**
 * HTTP 503 when the whole operation failed for a passing reason: no field came back and every
 * error is SERVICE_UNAVAILABLE (retryable), so the request may be resent as it is. With partial
 * data the status stays 200 and each error's path names a missing field. Subgraphs answer such
 * errors with 200 themselves: the gateway reads a GraphQL body only from a 2xx.
 */
export const unavailableStatus: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || !errors.every((error) => error.extensions?.code === SERVICE_UNAVAILABLE.code)) return;
        if (data && Object.values(data).some((value) => value !== null)) return;
        response.http.status = 503;
      },
    };
  },
};
