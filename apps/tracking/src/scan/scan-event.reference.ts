import { requireScopes, Scope } from '@courierdesk/platform-auth';
import type { TrackingContext } from '../tracking.loaders';
import { toScanEvent, type ScanEvent } from './scan-event.type';

/**
 * ScanEvent references (e.g. evidence on a ticket): one query for all keys, then the waybill's
 * row rule — a scan of a waybill the caller may not see resolves to null.
 */
export const scanEventReference = {
  __resolveReference: async (reference: { id?: unknown }, ctx: TrackingContext): Promise<ScanEvent | null> => {
    requireScopes(ctx.identity, [Scope.TRACKING_READ]);
    if (typeof reference.id !== 'string') return null;
    const scan = await ctx.loaders.scanEvent.load(reference.id);
    if (!scan || !(await ctx.loaders.waybill.load(scan.waybillNo))) return null;
    return toScanEvent(scan);
  },
};
