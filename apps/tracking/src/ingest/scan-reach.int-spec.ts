import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity } from '@courierdesk/testing';
import { buildWaybill, networkId, routeOf, scanOf, type Route } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';
import { columnsOfScans } from './scan-columns';
import type { ScanInput } from './scan-batch';

// Scans come from where the scanner is: an outlet's scanner (网点巴枪) records scans at its own
// outlet with its own couriers; every other scan of its batch is REJECTED with a stable reason, the
// good ones are kept. Network-wide reach is the explicit scope tracking:ingest:any.
const RECORD = `mutation ($input: RecordScansInput!) {
  recordScans(input: $input) { accepted rejected results { index status reasons { field code } } }
}`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe('recordScans: where the scanner is', () => {
  let h: TrackingHarness;
  const outletA = networkId();
  const outletB = networkId();
  const verdicts = (res: any) => res.data.recordScans.results.map((r: any) => [r.status, r.reasons.map((x: any) => x.code)]);
  const stored = async (waybillNo: string) =>
    (await h.ds.query('SELECT type, location_id AS "locationId" FROM scan_event WHERE waybill_no = $1 ORDER BY event_time', [waybillNo])) as { type: string; locationId: string }[];
  const courierOutlet = async (courierId: string) => (await h.ds.query('SELECT outlet_id AS "outletId" FROM courier_outlet WHERE courier_id = $1', [courierId]))[0]?.outletId ?? null;
  /** A waybill B delivers, arrived at B; and one A delivers. */
  const arrived = async (destination: string): Promise<{ no: string; route: Route }> => {
    const w = await buildWaybill(h.services, { destinationOutletId: destination, createdAt: hoursAgo(40) });
    const route = routeOf(w);
    await h.services.scans.record([scanOf(w.waybillNo, route, 'PICKED_UP', hoursAgo(30)), scanOf(w.waybillNo, route, 'ARRIVED_AT_OUTLET', hoursAgo(5))]);
    return { no: w.waybillNo, route };
  };

  beforeAll(async () => {
    h = await startTrackingHarness();
  });
  afterAll(() => h.stop());

  it.each(['events', 'columns'] as const)('refuses, as %s, outlet A’s fake arrival and sign-off at outlet B, and keeps A’s own scan', async (shape) => {
    const theirs = await arrived(outletB);
    const ours = await arrived(outletA);
    const scans: ScanInput[] = [
      scanOf(theirs.no, theirs.route, 'SIGNED', hoursAgo(1)),
      scanOf(theirs.no, theirs.route, 'ARRIVED_AT_OUTLET', hoursAgo(2), { eventId: `again-${theirs.no}` }),
      scanOf(ours.no, ours.route, 'DELIVERY_FAILED', hoursAgo(1)),
      scanOf(theirs.no, theirs.route, 'ARRIVED_AT_HUB', hoursAgo(1)),
      scanOf(theirs.no, theirs.route, 'RETURN_STARTED', hoursAgo(1), { location: null }),
    ];
    const input = shape === 'events' ? { events: scans } : { columns: columnsOfScans(scans) };
    const res = await h.gql(as.outletScanner(outletA), RECORD, { input });
    expect(res.errors).toBeUndefined();
    expect(verdicts(res)).toEqual([
      ['REJECTED', ['LOCATION_OUTSIDE_OUTLET']],
      ['REJECTED', ['LOCATION_OUTSIDE_OUTLET']],
      ['ACCEPTED', []],
      ['REJECTED', ['LOCATION_OUTSIDE_OUTLET']],
      ['REJECTED', ['LOCATION_OUTSIDE_OUTLET']],
    ]);
    expect((await stored(theirs.no)).map((s) => s.type)).toEqual(['PICKED_UP', 'ARRIVED_AT_OUTLET']);
    expect(await stored(ours.no)).toEqual([
      { type: 'PICKED_UP', locationId: ours.route.origin },
      { type: 'ARRIVED_AT_OUTLET', locationId: outletA },
      { type: 'DELIVERY_FAILED', locationId: outletA },
    ]);
  });

  it('takes a misrouted parcel arriving at its outlet: the place decides, not the waybill', async () => {
    const elsewhere = await arrived(outletB);
    const res = await h.gql(as.outletScanner(outletA), RECORD, {
      input: { events: [scanOf(elsewhere.no, elsewhere.route, 'ARRIVED_AT_OUTLET', hoursAgo(1), { eventId: `misrouted-${elsewhere.no}`, location: { kind: 'OUTLET', id: outletA.toUpperCase() } })] },
    });
    expect(verdicts(res)).toEqual([['ACCEPTED', []]]);
  });

  it('names only its own couriers: a courier first reported at B is refused at A; a new one becomes A’s', async () => {
    const theirs = await arrived(outletB);
    const ours = await arrived(outletA);
    const courierOfB = networkId();
    const newHire = networkId();
    const byB = await h.gql(as.outletScanner(outletB), RECORD, { input: { events: [scanOf(theirs.no, { ...theirs.route, courier: courierOfB }, 'OUT_FOR_DELIVERY', hoursAgo(3))] } });
    expect(verdicts(byB)).toEqual([['ACCEPTED', []]]);
    expect(await courierOutlet(courierOfB)).toBe(outletB);

    const byA = await h.gql(as.outletScanner(outletA), RECORD, {
      input: {
        columns: columnsOfScans([
          scanOf(ours.no, { ...ours.route, courier: courierOfB }, 'OUT_FOR_DELIVERY', hoursAgo(3)),
          scanOf(ours.no, { ...ours.route, courier: newHire }, 'OUT_FOR_DELIVERY', hoursAgo(2)),
        ]),
      },
    });
    expect(verdicts(byA)).toEqual([
      ['REJECTED', ['COURIER_OUTSIDE_OUTLET']],
      ['ACCEPTED', []],
    ]);
    expect(await courierOutlet(newHire)).toBe(outletA);
    const hired = await h.gql(as.outletScanner(outletB), RECORD, { input: { events: [scanOf(theirs.no, { ...theirs.route, courier: newHire }, 'OUT_FOR_DELIVERY', hoursAgo(1))] } });
    expect(verdicts(hired)).toEqual([['REJECTED', ['COURIER_OUTSIDE_OUTLET']]]);
  });

  it('leaves a network-wide scanner its reach: any place, any courier, in one statement more', async () => {
    const theirs = await arrived(outletB);
    const ours = await arrived(outletA);
    const courierOfA = networkId();
    await h.gql(as.outletScanner(outletA), RECORD, { input: { events: [scanOf(ours.no, { ...ours.route, courier: courierOfA }, 'OUT_FOR_DELIVERY', hoursAgo(1))] } });
    expect(await courierOutlet(courierOfA)).toBe(outletA);
    h.queries.reset();
    const res = await h.gql(as.scanner(), RECORD, { input: { events: [scanOf(theirs.no, { ...theirs.route, courier: courierOfA }, 'OUT_FOR_DELIVERY', hoursAgo(1))] } });
    expect(verdicts(res)).toEqual([['ACCEPTED', []]]);
    // BEGIN, waybills, couriers' outlets (register + read), scans, states, COMMIT.
    expect(h.queries.statements.map((sql) => sql.trim().split(/\s+/)[0].toUpperCase())).toEqual(['START', 'SELECT', 'WITH', 'INSERT', 'UPDATE', 'COMMIT']);
    expect(await courierOutlet(courierOfA)).toBe(outletA);
  });

  it.each<[string, () => ReturnType<typeof as.scanner>, string]>([
    ['a scanner token with neither an outlet nor tracking:ingest:any', () => as.bareScanner(), 'SCOPE_MISSING'],
    ['a partner scanner token without its outlet', () => testIdentity('pda-x', [Role.OUTLET_PARTNER, Role.SCANNER], [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY]), 'OUTLET_REQUIRED'],
  ])('refuses %s as a whole (FORBIDDEN), storing nothing', async (_name, identity, reason) => {
    const theirs = await arrived(outletB);
    const res = await h.gql(identity(), RECORD, { input: { events: [scanOf(theirs.no, theirs.route, 'SIGNED', hoursAgo(1))] } });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason });
    expect(await stored(theirs.no)).toHaveLength(2);
  });

  it('never widens an outlet-bound token that also asks for tracking:ingest:any', async () => {
    const theirs = await arrived(outletB);
    const greedy = testIdentity('pda-greedy', [Role.OUTLET_PARTNER, Role.SCANNER], [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY], outletA);
    const res = await h.gql(greedy, RECORD, { input: { events: [scanOf(theirs.no, theirs.route, 'SIGNED', hoursAgo(1))] } });
    expect(verdicts(res)).toEqual([['REJECTED', ['LOCATION_OUTSIDE_OUTLET']]]);
  });
});
