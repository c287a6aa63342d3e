import type { DataSource } from 'typeorm';
import { BY_UUID, groupedLoader, uuidKeys } from '@courierdesk/platform-subgraph';
import { MAX_ESCALATIONS } from '../common/list-bounds';
import { ESCALATION_COLUMNS, type EscalationRow } from './escalation.store';

/** Loaders of escalation steps for one request: the latest MAX_ESCALATIONS of every ticket of a level, in one statement. */
export function escalationLoaders(ds: DataSource) {
  return {
    escalationsOfTicket: groupedLoader<string, EscalationRow>(
      async (ids) =>
        (await ds.query(
          `SELECT ${ESCALATION_COLUMNS}
             FROM unnest($1::uuid[]) AS p(id)
             CROSS JOIN LATERAL (SELECT * FROM ticket_escalation x WHERE x.ticket_id = p.id ORDER BY x.seq DESC LIMIT $2) e
            ORDER BY e.ticket_id, e.seq`,
          [uuidKeys(ids), MAX_ESCALATIONS],
        )) as EscalationRow[],
      (row) => row.ticketId,
      BY_UUID,
    ),
  };
}
