import type { DataSource } from 'typeorm';
import { assertClaimNumber } from '@courierdesk/domain-liability';
import { pageSize, toPage, type Page, type PageArgs } from '@courierdesk/platform-subgraph';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet, canSeeClaim } from '../common/access';
import { claimsError } from '../common/claims.errors';
import { referenceArg } from '@courierdesk/platform-subgraph';
import type { ClaimsLoaders } from '../claims.loaders';
import { claimCursorOf, claimPageQuery, type ClaimCriteria } from './claim-list.query';
import { CLAIM_COLUMNS, claimRowOf, type ClaimRow } from './claim.row';

/** Reading claims: one by id or number, and the list — always within the caller's reach. */
export class ClaimFinderService {
  constructor(private readonly ds: DataSource) {}

  /** A claim by id or by number (exactly one); NOT_FOUND when absent or out of reach. */
  async one(identity: Identity, loaders: ClaimsLoaders, id: string | null, number: string | null): Promise<ClaimRow> {
    if (Boolean(id) === Boolean(number)) throw claimsError('CLAIM_KEY_REQUIRED', 'Give either id or number');
    let row: ClaimRow | null;
    if (id) {
      row = await loaders.claim.load(referenceArg(id, 'id') as string);
    } else {
      const [raw] = (await this.ds.query(`SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.number = $1`, [assertClaimNumber(number as string)])) as Record<string, unknown>[];
      row = raw ? claimRowOf(raw) : null;
      if (row) loaders.claim.prime(row.id, row);
    }
    if (!row || !canSeeClaim(identity, row)) throw claimsError('CLAIM_NOT_FOUND', `No claim ${id ?? number}`);
    return row;
  }

  /** A page of claims, newest first; an outlet-bound caller's own outlet's claims only. */
  async page(identity: Identity, loaders: ClaimsLoaders, criteria: Omit<ClaimCriteria, 'restrictOutletId'>, page: PageArgs): Promise<Page<ClaimRow>> {
    const size = pageSize(page.first);
    const { sql, params } = claimPageQuery({ ...criteria, restrictOutletId: callerOutlet(identity) }, size, page.after);
    const rows = ((await this.ds.query(sql, params)) as Record<string, unknown>[]).map(claimRowOf);
    for (const row of rows) loaders.claim.prime(row.id, row);
    return toPage(rows, size, page.after, claimCursorOf, (row) => row);
  }
}
