import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { scanReach } from '../common/access';
import { MAX_SCANS_PER_CALL } from '../common/list-bounds';
import type { TrackingContext } from '../tracking.loaders';
import { RecordScansInput, RecordScansPayload } from './record-scans.input';
import type { RecordScansService } from './record-scans.service';
import { scansOfBatch } from './scan-columns';

/** Scan upload (扫描上传): the ingest mutation. */
@Resolver()
export class RecordScansResolver {
  constructor(private readonly scans: RecordScansService) {}

  @Authorized(Scope.TRACKING_INGEST)
  @Mutation(() => RecordScansPayload, {
    description:
      'Upload scans (扫描上传), up to 1,000, as objects or in columns: idempotent on eventId (a resend is DUPLICATE), any order, one result per scan in input order. ' +
      'An outlet-bound token records scans at its own outlet with its own couriers (others: REJECTED, LOCATION_OUTSIDE_OUTLET / COURIER_OUTSIDE_OUTLET); ' +
      'anywhere else needs tracking:ingest:any (FORBIDDEN, SCOPE_MISSING).',
  })
  async recordScans(@Arg('input') input: RecordScansInput, @Ctx() ctx: TrackingContext): Promise<RecordScansPayload> {
    const reach = scanReach(ctx.identity);
    const results = await this.scans.record(scansOfBatch(input, MAX_SCANS_PER_CALL), reach);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return { results, accepted: count('ACCEPTED'), duplicates: count('DUPLICATE'), rejected: count('REJECTED') };
  }
}
