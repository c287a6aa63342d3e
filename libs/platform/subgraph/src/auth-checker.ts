import type { AuthChecker } from 'type-graphql';
import { requireScopes, unauthenticated } from '@courierdesk/platform-auth';
import type { SubgraphContext } from './context';

/**
 * `@Authorized('network:write')` lists the scopes a field or mutation needs, all of them.
 * Throws instead of returning false so the client gets our stable codes and reasons.
 */
export const scopeAuthChecker: AuthChecker<SubgraphContext> = ({ context }, scopes) => {
  if (!context.identity) throw unauthenticated('TOKEN_MISSING');
  requireScopes(context.identity, scopes);
  return true;
};
