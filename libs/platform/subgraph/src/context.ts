import type { Identity } from '@courierdesk/platform-auth';
import type { Logger } from 'pino';

/** What every resolver receives: the verified caller, this request's loaders and logger. */
export interface SubgraphContext<L = unknown> {
  readonly identity: Identity;
  readonly loaders: L;
  readonly logger: Logger;
  readonly requestId: string;
}
