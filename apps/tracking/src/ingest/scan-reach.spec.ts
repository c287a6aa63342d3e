import { NETWORK_WIDE } from '../common/access';
import type { ScanInput } from './scan-batch';
import { courierReports, reachReasons, type ScanAccess } from './scan-reach';

const A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const B = 'bbbbbbbb-0000-4000-8000-00000000000b';
const HUB = 'cccccccc-0000-4000-8000-00000000000c';
const OURS = 'dddddddd-0000-4000-8000-00000000000d';
const THEIRS = 'eeeeeeee-0000-4000-8000-00000000000e';
const scan = (over: Partial<ScanInput>): ScanInput => ({ eventId: 'e', waybillNo: 'CD000000000019', type: 'OUT_FOR_DELIVERY', eventTime: '2024-03-19T10:00:00+08:00', ...over });
const outletA: ScanAccess = { reach: { outletId: A }, courierOutlets: new Map([[OURS, A], [THEIRS, B]]) };

describe('a scan within the caller’s reach', () => {
  it.each<[string, Partial<ScanInput>, string[]]>([
    ['at its outlet with its courier', { location: { kind: 'OUTLET', id: A }, courierId: OURS }, []],
    ['at its outlet, id in capitals', { location: { kind: 'OUTLET', id: ` ${A.toUpperCase()} ` } }, []],
    ['at another outlet', { location: { kind: 'OUTLET', id: B } }, ['LOCATION_OUTSIDE_OUTLET']],
    ['at a hub', { location: { kind: 'HUB', id: HUB } }, ['LOCATION_OUTSIDE_OUTLET']],
    ['nowhere', { location: null }, ['LOCATION_OUTSIDE_OUTLET']],
    ['with another outlet’s courier', { location: { kind: 'OUTLET', id: A }, courierId: THEIRS.toUpperCase() }, ['COURIER_OUTSIDE_OUTLET']],
    ['elsewhere with another outlet’s courier', { location: { kind: 'OUTLET', id: B }, courierId: THEIRS }, ['LOCATION_OUTSIDE_OUTLET', 'COURIER_OUTSIDE_OUTLET']],
  ])('an outlet scanner’s scan %s: %p', (_name, over, codes) => expect(reachReasons(scan(over), outletA, []).map((r) => r.code)).toEqual(codes));

  it('does not refuse a location twice', () => {
    expect(reachReasons(scan({ location: { kind: 'OUTLET', id: 'x' } }), outletA, [{ field: 'location.id', code: 'INVALID_REFERENCE_ID', message: '' }])).toEqual([]);
  });

  it('holds a network-wide caller to nothing', () => {
    expect(reachReasons(scan({ location: { kind: 'OUTLET', id: B }, courierId: THEIRS }), { ...outletA, reach: NETWORK_WIDE }, [])).toEqual([]);
  });

  it('reports couriers at outlets: an outlet scanner’s at its own outlet only', () => {
    const scans = [
      scan({ location: { kind: 'OUTLET', id: A.toUpperCase() }, courierId: OURS }),
      scan({ location: { kind: 'OUTLET', id: B }, courierId: THEIRS }),
      scan({ location: { kind: 'HUB', id: HUB }, courierId: THEIRS }),
      scan({ location: { kind: 'OUTLET', id: A }, courierId: 'c-7' }),
    ];
    expect(courierReports(scans, { outletId: A })).toEqual([{ courierId: OURS, outletId: A }]);
    expect(courierReports(scans, NETWORK_WIDE)).toEqual([{ courierId: OURS, outletId: A }, { courierId: THEIRS, outletId: B }]);
  });
});
