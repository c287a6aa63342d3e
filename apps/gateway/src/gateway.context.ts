import type { Identity } from '@courierdesk/platform-auth';

/** What the gateway knows about one request once the caller's token is verified. */
export interface GatewayContext {
  readonly identity: Identity;
  readonly requestId: string;
}
