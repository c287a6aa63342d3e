import { Role } from '@courierdesk/platform-auth';

/** How much one request may ask for and get back; never told to clients. */
export interface DemandLimits {
  /**
   * Most an operation may be estimated to cost, per role (see cost-estimate.ts: with default
   * weights, about the number of objects in the response). A caller with several roles gets
   * the most generous of them.
   */
  readonly costByRole: Readonly<Record<Role, number>>;
  /**
   * Second wall, for what the estimate cannot see (a list longer than its declared bound, long
   * strings): the largest response body, in bytes, the gateway reads from one subgraph call and
   * the largest it sends.
   */
  readonly maxResponseBytes: number;
}

/**
 * Chosen by measuring (estimates from cost-estimate.ts; sizes on the Beijing demo network; the
 * cases are in tools/stack/src/demand.e2e-spec.ts):
 * - Legitimate operations: the README's examples 7 and 111; one waybill with timeline,
 *   locations, couriers, outlets and anomalies 225; the tracking e2e page of 50 such waybills
 *   8,201, of 100 16,401 (136 KB, 2,268 objects: ~60 bytes each); 100 outlets with their
 *   couriers 4,401; a work queue of 100 1,801; the 1,000-scan upload with every result and
 *   reason 21,010 (362 KB), 1,000 new waybills the same.
 * - The probe (outlet → centre → outlets, four times) 353,683 with the default page of
 *   20 and 2×10⁸ with `first: 100`; 100 outlets × 100 inbound parcels × timelines 520,302;
 *   three hops of the directory 17,683 (at most 8,000 outlets now that pages cap each hop).
 * So: partners get the 100-waybill page with timelines and little more; scanners (apps that
 * only write) the full 1,000-item upload; agents twice the big page, services (other subgraphs reading on their own behalf) as agents; analysts, for ad-hoc
 * questions, 2.5 times the agents; admins as analysts. The four-hop probe and the 100 × 100
 * crawl cost over 350,000: refused for everyone. Three hops now pass: paged, they are bounded.
 * The response cap stays far above legitimate answers (100,000 objects at ~80 bytes) and
 * below the probe's 18.5 MB.
 */
export const DEFAULT_DEMAND_LIMITS: DemandLimits = {
  costByRole: {
    [Role.OUTLET_PARTNER]: 20_000,
    [Role.SCANNER]: 25_000,
    [Role.AGENT]: 40_000,
    [Role.ANALYST]: 100_000,
    [Role.ADMIN]: 100_000,
    // Services (the tickets subgraph's feed consumer, its reply renderer) read pages like an agent.
    [Role.SERVICE]: 40_000,
  },
  maxResponseBytes: 8 * 1024 * 1024,
};
