import type { DataSource } from 'typeorm';
import { Role, ROLE_SCOPES, type Identity } from '@courierdesk/platform-auth';
import { createTicketsServices, type EscalationChains, TICKETS_DB_SCHEMA, type WaybillDirectory, type WaybillFacts } from '@courierdesk/tickets';
import { TRACKING_DB_SCHEMA } from '@courierdesk/tracking';
import { DEMO_AGENT, planTicketsDemo, type DemoActor, type TicketDemoWaybill, type TicketsDemoOptions } from './tickets-demo';

/**
 * The demo opens and moves tickets but never escalates one by hand (a 12305 case records its step
 * at the top without a contact): the seed needs no chain of the network's contacts.
 */
export const NO_ESCALATION_CONTACTS: EscalationChains = { chain: async () => [] };

/** What {@link loadTicketsDemo} did. */
export interface TicketsLoadCounts {
  /** Tickets opened (a repeat urge is counted on its ticket, not here). */
  tickets: number;
  /** Tickets per kind (INQUIRY, URGE …). */
  byKind: Record<string, number>;
  /** Repeat urges counted on open urges (催件合并). */
  repeatUrges: number;
  /** Tickets resolved. */
  resolved: number;
  /** Duplicates merged into another ticket. */
  merged: number;
}

/**
 * Waybills' facts from tracking's rows, in process (the demo desk is loaded before the gateway is up,
 * so the graph cannot answer yet). Only what opening a ticket reads: the two outlets and the status.
 */
export class WaybillRowsDirectory implements WaybillDirectory {
  private readonly byNo: Map<string, TicketDemoWaybill>;

  constructor(waybills: readonly TicketDemoWaybill[]) {
    this.byNo = new Map(waybills.map((w) => [w.waybillNo, w]));
  }

  async facts(waybillNos: readonly string[]): Promise<Map<string, WaybillFacts | null>> {
    return new Map(
      waybillNos.map((no) => {
        const w = this.byNo.get(no);
        const facts: WaybillFacts | null = w
          ? {
              waybillNo: w.waybillNo, originOutletId: w.originOutletId, destinationOutletId: w.destinationOutletId, holderOutletId: null, status: w.status,
              lastScanAt: w.lastScanAt, lastScanPlace: null, etaFrom: null, etaTo: null, courierName: null, courierPhone: null, destinationOutletName: null, chargeCheckZh: null,
            }
          : null;
        return [no, facts];
      }),
    );
  }
}

/**
 * The demo waybills from tracking's table (a seed is a tool and may read it; no subgraph reads
 * another's tables). Read whole: the desk picks from every status.
 */
export async function readTicketDemoWaybills(ds: DataSource, schema = TRACKING_DB_SCHEMA): Promise<TicketDemoWaybill[]> {
  const rows = (await ds.query(
    `SELECT waybill_no, origin_outlet_id, destination_outlet_id, status, created_at, last_scan_at FROM "${schema}".waybill ORDER BY waybill_no`,
  )) as { waybill_no: string; origin_outlet_id: string | null; destination_outlet_id: string | null; status: string; created_at: Date; last_scan_at: Date | null }[];
  return rows.map((r) => ({
    waybillNo: r.waybill_no,
    originOutletId: r.origin_outlet_id,
    destinationOutletId: r.destination_outlet_id,
    status: r.status,
    createdAt: new Date(r.created_at),
    lastScanAt: r.last_scan_at ? new Date(r.last_scan_at) : null,
  }));
}

const hqAgent: Identity = { subject: DEMO_AGENT, roles: [Role.AGENT], scopes: ROLE_SCOPES[Role.AGENT], outletId: null, tokenId: 'seed' };
const outletAccount = (outletId: string, partner: { id: string; code: string }): Identity => ({
  // The demo partner's own subject, as its printed token has it; other outlets get one by id.
  subject: outletId === partner.id ? `partner-${partner.code}` : `partner-${outletId}`,
  roles: [Role.OUTLET_PARTNER],
  scopes: ROLE_SCOPES[Role.OUTLET_PARTNER],
  outletId,
  tokenId: 'seed',
});

// Cases loaded side by side; below the subgraph's pool (10) so a first start's requests still get a connection.
const LOAD_CONCURRENCY = 4;

/** Options of {@link loadTicketsDemo}. */
export interface TicketsDemoLoadOptions extends Omit<TicketsDemoOptions, 'partnerOutletId'> {
  partnerOutlet: { id: string; code: string };
}

/**
 * Opens the demo desk's tickets (planTicketsDemo) through the tickets services — the same rules,
 * numbers, audit lines and clocks as a caller's — on the tickets subgraph's DataSource, each case
 * at its own instants in the past (the clock of the services it runs on). Meant for an empty tickets
 * schema (a first start): see {@link ticketsIsEmpty}.
 */
export async function loadTicketsDemo(tickets: DataSource, waybills: readonly TicketDemoWaybill[], options: TicketsDemoLoadOptions): Promise<TicketsLoadCounts> {
  const directory = new WaybillRowsDirectory(waybills);
  const plan = planTicketsDemo(waybills, { partnerOutletId: options.partnerOutlet.id, now: options.now, seed: options.seed });
  const who = (actor: DemoActor): Identity => (actor.kind === 'HQ' ? hqAgent : outletAccount(actor.outletId, options.partnerOutlet));
  const counts: TicketsLoadCounts = { tickets: 0, byKind: {}, repeatUrges: 0, resolved: 0, merged: 0 };
  const opened: { id: string; version: number }[] = [];

  /** One case, on services whose clock is this case's own (cases run side by side). */
  const run = async (index: number): Promise<void> => {
    const demo = plan.cases[index];
    let at = demo.at;
    const services = createTicketsServices(tickets, { now: () => at, waybills: directory, escalationChains: NO_ESCALATION_CONTACTS });
    const { row } = await services.opening.open(who(demo.by), demo.input);
    counts.tickets++;
    counts.byKind[row.kind] = (counts.byKind[row.kind] ?? 0) + 1;
    let version = row.version;
    for (const step of demo.steps) {
      at = step.at;
      const ticketId = row.id;
      if (step.type === 'URGE_AGAIN') {
        const again = await services.opening.open(hqAgent, { ...demo.input, channel: step.channel, description: step.description });
        if (!again.repeat || again.row.id !== row.id) throw new Error(`demo urge on ${demo.input.waybillNo} was not counted as a repeat`);
        version = again.row.version;
        counts.repeatUrges++;
      } else if (step.type === 'ASSIGN') {
        version = (await services.workflow.assign(hqAgent, { ticketId, version, assignee: step.assignee })).version;
      } else if (step.type === 'STATUS') {
        version = (await services.workflow.changeStatus(hqAgent, { ticketId, version, status: step.status, note: step.note })).version;
      } else {
        version = (await services.workflow.resolve(hqAgent, { ticketId, version, resolutionCode: step.resolutionCode, note: step.note })).version;
        counts.resolved++;
      }
    }
    opened[index] = { id: row.id, version };
  };
  // A few cases at a time: each is a chain of short transactions, so the pool's round trips overlap.
  // Cases touch different waybills (the merged duplicate aside, merged after), so order does not
  // matter for what is stored; only ticket numbers come out in another order from run to run.
  let next = 0;
  const worker = async () => {
    while (next < plan.cases.length) await run(next++);
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));

  for (const merge of plan.merges) {
    const services = createTicketsServices(tickets, { now: () => merge.at, waybills: directory, escalationChains: NO_ESCALATION_CONTACTS });
    const source = opened[merge.source];
    const target = opened[merge.target];
    await services.workflow.merge(hqAgent, { sourceTicketId: source.id, sourceVersion: source.version, targetTicketId: target.id, targetVersion: target.version });
    counts.merged++;
  }
  return counts;
}

/** True when the tickets schema has no ticket yet (first start). */
export async function ticketsIsEmpty(ds: DataSource, schema = TICKETS_DB_SCHEMA): Promise<boolean> {
  const [row] = (await ds.query(`SELECT NOT EXISTS (SELECT 1 FROM "${schema}".ticket) AS empty`)) as { empty: boolean }[];
  return row.empty;
}
