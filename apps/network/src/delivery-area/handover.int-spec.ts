import { MAX_AREAS_PER_COURIER } from '@courierdesk/domain-network';
import { AreaAssignmentEntity } from './area-assignment.entity';
import { courierAreasLock } from './courier-lock';
import { buildArea, buildCourier, buildOutlet } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { CourierEntity } from '../courier/courier.entity';
import type { OutletEntity } from '../outlet/outlet.entity';

const HAND_OVER = `mutation ($input: HandOverDeliveryAreaInput!) {
  handOverDeliveryArea(input: $input) { id courier { id } assignments { edges { node { from to courier { id } } } } }
}`;
const HAND_OVER_ALL = 'mutation ($input: HandOverCourierAreasInput!) { handOverCourierAreas(input: $input) { id courier { id } } }';
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe('handing over delivery areas (交接承包区)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  let couriers: CourierEntity[];
  let foreign: CourierEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    a = await buildOutlet(h.ds);
    b = await buildOutlet(h.ds);
    couriers = [];
    for (let i = 0; i < 4; i++) couriers.push(await buildCourier(h.ds, a));
    foreign = await buildCourier(h.ds, b);
  });
  afterAll(() => h.stop());

  it('closes the current assignment and opens the new one at the same instant', async () => {
    const since = daysAgo(30);
    const area = await buildArea(h.ds, a, { courier: couriers[0], since });
    const at = daysAgo(1).toISOString();
    const res = await h.gql(as.manager(a.id), HAND_OVER, { input: { areaId: area.id, toCourierId: couriers[1].id, fromCourierId: couriers[0].id, effectiveAt: at } });
    expect(res.errors).toBeUndefined();
    expect(res.data.handOverDeliveryArea).toEqual({
      id: area.id,
      courier: { id: couriers[1].id },
      assignments: {
        edges: [
          { node: { from: at, to: null, courier: { id: couriers[1].id } } },
          { node: { from: since.toISOString(), to: at, courier: { id: couriers[0].id } } },
        ],
      },
    });
  });

  it('gives an uncovered area its first courier', async () => {
    const area = await buildArea(h.ds, a);
    const res = await h.gql(as.admin(), HAND_OVER, { input: { areaId: area.id, toCourierId: couriers[2].id } });
    expect(res.data.handOverDeliveryArea.courier).toEqual({ id: couriers[2].id });
  });

  it.each<[string, (ctx: { areaId: string }) => Record<string, unknown>, string, string]>([
    ['to the courier who already covers it', () => ({ toCourierId: couriers[0].id }), 'BAD_USER_INPUT', 'SAME_COURIER'],
    ['from a courier who does not cover it', () => ({ toCourierId: couriers[1].id, fromCourierId: couriers[2].id }), 'CONFLICT', 'AREA_NOT_COVERED_BY_FROM'],
    ['before the current assignment began', () => ({ toCourierId: couriers[1].id, effectiveAt: daysAgo(60).toISOString() }), 'CONFLICT', 'HANDOVER_BEFORE_ASSIGNMENT_START'],
    ['in the future', () => ({ toCourierId: couriers[1].id, effectiveAt: new Date(Date.now() + DAY).toISOString() }), 'BAD_USER_INPUT', 'INVALID_HANDOVER_TIME'],
    ['to a courier of another outlet', () => ({ toCourierId: foreign.id }), 'FORBIDDEN', 'COURIER_OUTLET_MISMATCH'],
    ['to an unknown courier', () => ({ toCourierId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'COURIER_NOT_FOUND'],
    ['of an unknown area', () => ({ areaId: '00000000-0000-4000-8000-000000000000', toCourierId: couriers[1].id }), 'NOT_FOUND', 'DELIVERY_AREA_NOT_FOUND'],
  ])('refuses a handover %s and writes nothing', async (_name, make, code, reason) => {
    const area = await buildArea(h.ds, a, { courier: couriers[0], since: daysAgo(30) });
    const before = await h.ds.getRepository(AreaAssignmentEntity).count();
    const res = await h.gql(as.admin(), HAND_OVER, { input: { areaId: area.id, ...make({ areaId: area.id }) } });
    expect(firstError(res)).toEqual({ code, reason });
    expect(await h.ds.getRepository(AreaAssignmentEntity).count()).toBe(before);
  });

  it('forbids a manager to hand over another outlet’s area', async () => {
    const area = await buildArea(h.ds, b, { courier: foreign });
    const res = await h.gql(as.manager(a.id), HAND_OVER, { input: { areaId: area.id, toCourierId: couriers[1].id } });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
  });

  it('lets only one of two concurrent handovers from the same courier win', async () => {
    const area = await buildArea(h.ds, a, { courier: couriers[0], since: daysAgo(30) });
    const results = await Promise.all(
      [couriers[1], couriers[2]].map((to) => h.gql(as.admin(), HAND_OVER, { input: { areaId: area.id, toCourierId: to.id, fromCourierId: couriers[0].id } })),
    );
    expect(results.filter((r) => r.data?.handOverDeliveryArea)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(firstError)).toEqual([{ code: 'CONFLICT', reason: 'AREA_NOT_COVERED_BY_FROM' }]);
    expect(await h.ds.getRepository(AreaAssignmentEntity).countBy({ areaId: area.id })).toBe(2);
  });

  describe('at most MAX_AREAS_PER_COURIER areas per courier', () => {
    let full: CourierEntity;
    beforeAll(async () => {
      full = await buildCourier(h.ds, a);
      for (let i = 0; i < MAX_AREAS_PER_COURIER - 1; i++) await buildArea(h.ds, a, { courier: full });
    });

    it('gives a courier its last free area, then refuses one more (CONFLICT), writing nothing', async () => {
      const last = await buildArea(h.ds, a);
      expect((await h.gql(as.admin(), HAND_OVER, { input: { areaId: last.id, toCourierId: full.id } })).errors).toBeUndefined();
      const extra = await buildArea(h.ds, a, { courier: couriers[0] });
      const res = await h.gql(as.admin(), HAND_OVER, { input: { areaId: extra.id, toCourierId: full.id } });
      expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'COURIER_AREA_LIMIT' });
      expect(await h.ds.getRepository(AreaAssignmentEntity).find({ where: { areaId: extra.id } })).toHaveLength(1);
    });

    it('lets only one of two racing assignments take a courier’s last free area', async () => {
      const racer = await buildCourier(h.ds, a);
      for (let i = 0; i < MAX_AREAS_PER_COURIER - 1; i++) await buildArea(h.ds, a, { courier: racer });
      const [one, two] = [await buildArea(h.ds, a), await buildArea(h.ds, a)];
      // Hold the courier's area lock, send both, wait until both queue behind it, then let go:
      // each must count the other's area, so the second is refused whatever the order.
      const holder = h.ds.createQueryRunner();
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [courierAreasLock(racer.id)]);
      const both = [one, two].map((area) => h.gql(as.admin(), HAND_OVER, { input: { areaId: area.id, toCourierId: racer.id } }));
      try {
        for (let waiting = 0, polls = 0; waiting < 2; polls++) {
          if (polls > 500) throw new Error('the two assignments never queued on the courier’s area lock');
          if (polls > 0) await new Promise((resolve) => setTimeout(resolve, 20));
          [{ waiting }] = await h.ds.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        }
      } finally {
        await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [courierAreasLock(racer.id)]);
        await holder.release();
      }
      const outcomes = (await Promise.all(both)).map((res) => firstError(res)?.reason ?? 'ASSIGNED').sort();
      expect(outcomes).toEqual(['ASSIGNED', 'COURIER_AREA_LIMIT']);
    });

    it('refuses a leaving courier’s areas as a whole when they do not all fit', async () => {
      const leaving = await buildCourier(h.ds, a);
      const almostFull = await buildCourier(h.ds, a);
      for (let i = 0; i < MAX_AREAS_PER_COURIER - 1; i++) await buildArea(h.ds, a, { courier: almostFull });
      await buildArea(h.ds, a, { courier: leaving });
      await buildArea(h.ds, a, { courier: leaving });
      const res = await h.gql(as.admin(), HAND_OVER_ALL, { input: { fromCourierId: leaving.id, toCourierId: almostFull.id } });
      expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'COURIER_AREA_LIMIT' });
      const kept = await h.gql(as.admin(), 'query ($id: ID!) { courier(id: $id) { areas { id } } }', { id: leaving.id });
      expect(kept.data.courier.areas).toHaveLength(2);
    });
  });

  describe('a leaving courier’s areas (离职交接), all or nothing', () => {
    it('hands every area over', async () => {
      const leaving = await buildCourier(h.ds, a);
      const areas = [await buildArea(h.ds, a, { courier: leaving }), await buildArea(h.ds, a, { courier: leaving })];
      const res = await h.gql(as.manager(a.id), HAND_OVER_ALL, { input: { fromCourierId: leaving.id, toCourierId: couriers[3].id } });
      expect(res.data.handOverCourierAreas.map((x: any) => [x.id, x.courier.id]).sort()).toEqual(areas.map((x) => [x.id, couriers[3].id]).sort());
      const left = await h.gql(as.admin(), 'query ($id: ID!) { courier(id: $id) { areas { id } } }', { id: leaving.id });
      expect(left.data.courier.areas).toEqual([]);
    });

    it('rolls back the areas already handed over when a later one fails', async () => {
      const leaving = await buildCourier(h.ds, a);
      const older = await buildArea(h.ds, a, { courier: leaving, since: daysAgo(10) });
      const newer = await buildArea(h.ds, a, { courier: leaving, since: daysAgo(1) });
      const assignments = h.ds.getRepository(AreaAssignmentEntity);
      const before = await assignments.find({ where: [{ areaId: older.id }, { areaId: newer.id }], order: { id: 'ASC' } });
      h.queries.reset();
      // Five days ago is after the older area's start and before the newer one's: the first step succeeds, the second fails.
      const res = await h.gql(as.admin(), HAND_OVER_ALL, { input: { fromCourierId: leaving.id, toCourierId: couriers[3].id, effectiveAt: daysAgo(5).toISOString() } });
      expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'HANDOVER_BEFORE_ASSIGNMENT_START' });
      expect(h.queries.matching(/^UPDATE "network"\."area_assignment"/)).toHaveLength(1);
      expect(h.queries.matching(/^INSERT INTO "network"\."area_assignment"/)).toHaveLength(1);
      expect(h.queries.matching(/^ROLLBACK/)).toHaveLength(1);
      expect(await assignments.find({ where: [{ areaId: older.id }, { areaId: newer.id }], order: { id: 'ASC' } })).toEqual(before);
    });
  });
});
