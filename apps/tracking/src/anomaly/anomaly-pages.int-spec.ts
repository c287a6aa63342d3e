import { ANOMALY_CODES, makeWaybillNo, type AnomalyCode, type ScanEvent } from '@courierdesk/domain-parcel';
import { chinaTime } from '@courierdesk/domain-sla';
import { PLACES, randomTimeline } from '@courierdesk/domain-parcel/testing';
import type { ScanInput } from '../ingest/scan-batch';
import { networkId, newWaybill } from '../testing/builders';
import { as } from '../testing/identities';
import { startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';

// A page filtered by anomaly holds `first` waybills when that many exist, never an empty page that
// says there is more: for every anomaly filter, pages of one walk the same waybills as one big page,
// and those are exactly the waybills whose `anomalies` field has the code — on random timelines, in a
// quiet month and in 双十一 (thresholds stretched ×1.5: candidates past the base but not the stretch).
const LIST = `query ($codes: [AnomalyCode!], $first: Int, $after: String) {
  waybills(filter: { anomalies: $codes }, first: $first, after: $after) { edges { node { waybillNo } } pageInfo { hasNextPage endCursor } }
}`;
const QUEUE = `query ($hub: ID, $codes: [AnomalyCode!], $first: Int, $after: String) {
  anomalousWaybills(transitCentreId: $hub, codes: $codes, first: $first, after: $after) { edges { node { waybillNo } } pageInfo { hasNextPage endCursor } }
}`;
const ALL = `query ($after: String) { waybills(first: 100, after: $after) { edges { node { waybillNo anomalies { code location { id } } } } pageInfo { hasNextPage endCursor } } }`;
const WAYBILLS = 120;

describe.each([
  ['a quiet month', chinaTime(2024, 3, 1, 9), chinaTime(2024, 3, 16, 12), 1],
  ['双十一', chinaTime(2024, 11, 2, 9), chinaTime(2024, 11, 17, 12), 5001],
])('anomaly-filtered pages in %s', (_name, start, queryAt, firstSeed) => {
  let h: TrackingHarness;
  let now = queryAt;
  const ids: Record<string, string> = Object.fromEntries([...Object.values(PLACES), 'c-1', 'c-2'].map((key) => [key, networkId()]));
  const truth = new Map<string, { code: AnomalyCode; at: string | null }[]>();

  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => now });
    const created = Array.from({ length: WAYBILLS }, (_, i) => new Date(start.getTime() + (i % 97) * 3_600_000));
    const waybills = created.map((createdAt, i) => ({ ...newWaybill({ originOutletId: ids[PLACES.ORIGIN], destinationOutletId: ids[PLACES.DEST], createdAt }), waybillNo: makeWaybillNo(firstSeed + i) }));
    expect((await h.services.creation.createMany(null, waybills)).every((r) => r.status === 'CREATED')).toBe(true);
    const scans: ScanInput[] = waybills.flatMap((w, i) => randomTimeline(firstSeed + i, w.createdAt!).map((event, j) => scanInput(w.waybillNo, event, `r-${firstSeed + i}-${j}`)));
    for (let i = 0; i < scans.length; i += 1000) {
      const results = await h.services.scans.record(scans.slice(i, i + 1000));
      expect(results.filter((r) => r.status === 'REJECTED')).toEqual([]);
    }
    for (let after: string | null = null; ; ) {
      const res: any = await h.gql(as.agent(), ALL, { after });
      for (const { node } of res.data.waybills.edges) truth.set(node.waybillNo, node.anomalies.map((a: any) => ({ code: a.code, at: a.location?.id ?? null })));
      if (!res.data.waybills.pageInfo.hasNextPage) break;
      after = res.data.waybills.pageInfo.endCursor;
    }
    expect(truth.size).toBe(WAYBILLS);
  });
  afterAll(() => h.stop());

  function scanInput(waybillNo: string, event: ScanEvent, eventId: string): ScanInput {
    const id = (key: string | null | undefined) => (key ? ids[key] : null);
    return {
      eventId,
      waybillNo,
      type: event.type,
      eventTime: event.eventTime,
      location: event.location && { kind: event.location.kind, id: id(event.location.id)! },
      courierId: id(event.courierId),
      signer: event.signer,
      failureReason: event.failureReason,
      problemCode: event.problemCode,
      note: null,
    };
  }

  /** Every page of a list at page size `first`: the waybill numbers, and whether a page was empty yet said there was more. */
  async function walk(query: string, variables: Record<string, unknown>, first: number) {
    const seen: string[] = [];
    let emptyWithMore = false;
    for (let after: string | null = null, pages = 0; pages < 500; pages++) {
      const res: any = await h.gql(as.agent(), query, { ...variables, first, after });
      expect(res.errors).toBeUndefined();
      const page = res.data.waybills ?? res.data.anomalousWaybills;
      seen.push(...page.edges.map((e: any) => e.node.waybillNo));
      if (page.edges.length < first && page.pageInfo.hasNextPage) emptyWithMore = true;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { seen, emptyWithMore };
  }

  const withCode = (codes: readonly AnomalyCode[], place?: string) =>
    [...truth].filter(([, anomalies]) => anomalies.some((a) => (codes.length === 0 || codes.includes(a.code)) && (place === undefined || a.at === place))).map(([no]) => no).sort();

  it.each([...ANOMALY_CODES.map((code) => [code]), []] as AnomalyCode[][])('waybills(filter: { anomalies: %p }): pages of one fill up and walk the whole list', async (...codes) => {
    const expected = withCode(codes);
    const small = await walk(LIST, { codes }, 1);
    const big = await walk(LIST, { codes }, 100);
    expect(small.emptyWithMore).toBe(false);
    expect(small.seen).toEqual(big.seen);
    expect([...small.seen].sort()).toEqual(expected);
  });

  it('has every rule fire in some waybill, so each filter above means something', () => {
    const fired = new Set([...truth.values()].flatMap((anomalies) => anomalies.map((a) => a.code)));
    expect([...fired].sort()).toEqual(expect.arrayContaining(['NO_PICKUP_SCAN', 'REPEATED_DELIVERY_FAILURE', 'SIGNED_BY_OTHER', 'STALLED_AT_HUB', 'STALLED_AT_OUTLET']));
  });

  it('fills a transit centre’s work queue page by page too', async () => {
    const hub = ids[PLACES.HUB_A];
    const small = await walk(QUEUE, { hub, codes: ['STALLED_AT_HUB'] }, 1);
    expect(small.emptyWithMore).toBe(false);
    expect([...small.seen].sort()).toEqual(withCode(['STALLED_AT_HUB'], hub));
    now = new Date(queryAt.getTime());
  });
});

describe('waybills(first: 1, filter: { anomalies: [STALLED_AT_HUB] })', () => {
  let h: TrackingHarness;
  const now = chinaTime(2024, 3, 20, 12);
  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => now });
  });
  afterAll(() => h.stop());

  it('finds the one parcel stalled at a hub behind sixty newer parcels never picked up (all due for another rule)', async () => {
    const stalled = newWaybill({ createdAt: chinaTime(2024, 3, 10, 9) });
    const waiting = Array.from({ length: 60 }, (_, i) => newWaybill({ createdAt: chinaTime(2024, 3, 15, 9 + (i % 12)) }));
    await h.services.creation.createMany(null, [stalled, ...waiting]);
    const hub = networkId();
    await h.services.scans.record([
      { eventId: 's-1', waybillNo: stalled.waybillNo, type: 'PICKED_UP', eventTime: chinaTime(2024, 3, 10, 10), location: { kind: 'OUTLET', id: stalled.originOutletId } },
      { eventId: 's-2', waybillNo: stalled.waybillNo, type: 'ARRIVED_AT_HUB', eventTime: chinaTime(2024, 3, 11, 8), location: { kind: 'HUB', id: hub } },
    ]);
    const res = await h.gql(as.agent(), LIST, { codes: ['STALLED_AT_HUB'], first: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.data.waybills.edges).toEqual([{ node: { waybillNo: stalled.waybillNo } }]);
    expect(res.data.waybills.pageInfo.hasNextPage).toBe(false);
  });
});
