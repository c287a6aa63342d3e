import {
  AreaAssignment,
  assignabilityErrors,
  MAX_AREAS_PER_COURIER,
  HandoverRequest,
  applyHandover,
  courierAt,
  planHandover,
  planHandoverOrThrow,
  validateAssignmentHistory,
  validateDeliveryAreaInput,
} from './delivery-area';
import { thrownCode } from '@courierdesk/domain-core/testing';

const t = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
const current: AreaAssignment = { areaId: 'area-1', courierId: 'c-1', startsAt: t('2024-01-01'), endsAt: null };
const request: HandoverRequest = {
  area: { id: 'area-1', outletId: 'o-1' },
  fromCourierId: 'c-1',
  toCourier: { id: 'c-2', outletId: 'o-1' },
  at: t('2024-06-01'),
  currentAssignment: current,
};

describe('planHandover', () => {
  it('closes the current assignment and opens the new one at the same instant', () => {
    expect(planHandover(request)).toEqual({
      ok: true,
      close: { ...current, endsAt: t('2024-06-01') },
      open: { areaId: 'area-1', courierId: 'c-2', startsAt: t('2024-06-01'), endsAt: null },
    });
  });

  it.each([
    ['same courier', { toCourier: { id: 'c-1', outletId: 'o-1' } }, ['SAME_COURIER']],
    ['no current assignment', { currentAssignment: null }, ['AREA_NOT_COVERED_BY_FROM']],
    ['another courier covers it', { fromCourierId: 'c-9' }, ['AREA_NOT_COVERED_BY_FROM']],
    ['assignment of another area', { currentAssignment: { ...current, areaId: 'area-2' } }, ['AREA_NOT_COVERED_BY_FROM']],
    ['assignment already closed', { currentAssignment: { ...current, endsAt: t('2024-03-01') } }, ['AREA_NOT_COVERED_BY_FROM']],
    ['new courier from another outlet', { toCourier: { id: 'c-2', outletId: 'o-2' } }, ['COURIER_OUTLET_MISMATCH']],
    ['new courier inactive', { toCourier: { id: 'c-2', outletId: 'o-1', active: false } }, ['COURIER_INACTIVE']],
    ['handover at the start', { at: t('2024-01-01') }, ['HANDOVER_BEFORE_ASSIGNMENT_START']],
    ['handover before the start', { at: t('2023-12-31') }, ['HANDOVER_BEFORE_ASSIGNMENT_START']],
    ['invalid time', { at: new Date('nope') }, ['INVALID_HANDOVER_TIME']],
    [
      'everything wrong at once',
      { toCourier: { id: 'c-1', outletId: 'o-2' }, currentAssignment: null },
      ['SAME_COURIER', 'AREA_NOT_COVERED_BY_FROM', 'COURIER_OUTLET_MISMATCH'],
    ],
  ] as Array<[string, Partial<HandoverRequest>, string[]]>)('%s → %j', (_why, change, codes) => {
    const plan = planHandover({ ...request, ...change });
    expect(plan.ok).toBe(false);
    expect(plan.ok ? [] : plan.errors.map((e) => e.code)).toEqual(codes);
  });

  it('planHandoverOrThrow throws the first broken rule', () => {
    expect(thrownCode(() => planHandoverOrThrow({ ...request, fromCourierId: 'c-2' }))).toBe('SAME_COURIER');
    expect(planHandoverOrThrow(request).open.courierId).toBe('c-2');
  });
});

describe('assignment history', () => {
  const step = planHandoverOrThrow(request);
  const history = applyHandover([current], step);

  it('applyHandover closes and appends', () =>
    expect(history).toEqual([{ ...current, endsAt: t('2024-06-01') }, step.open]));

  it.each([
    ['2023-12-31', null],
    ['2024-01-01', 'c-1'],
    ['2024-05-31', 'c-1'],
    ['2024-06-01', 'c-2'],
    ['2030-01-01', 'c-2'],
  ])('on %s the area was covered by %s', (day, courierId) => expect(courierAt(history, t(day))).toBe(courierId));

  it.each([
    ['two open', [current, { ...current, courierId: 'c-2', startsAt: t('2024-02-01') }]],
    ['overlap', [{ ...current, endsAt: t('2024-03-01') }, { ...current, courierId: 'c-2', startsAt: t('2024-02-01') }]],
    ['ends before start', [{ ...current, endsAt: t('2023-03-01') }]],
    ['empty step', [{ ...current, endsAt: t('2024-01-01') }]],
  ])('rejects %s', (_why, steps) => expect(thrownCode(() => validateAssignmentHistory(steps))).toBe('OVERLAPPING_ASSIGNMENTS'));

  it('sorts a valid history by start', () =>
    expect(validateAssignmentHistory([...history].reverse())).toEqual(history));
});

describe('validateDeliveryAreaInput', () => {
  const valid = {
    districtCode: '440305',
    streetCode: '440305002',
    streetName: '南山街道',
    name: '南山街道片区',
    landmarks: [
      { name: '南山第一小学', kind: 'SCHOOL' as const },
      { name: ' 南山花园小区 ', kind: 'RESIDENTIAL' as const },
      { name: '南山花园小区', kind: 'RESIDENTIAL' as const },
    ],
  };

  it('trims names and drops duplicate landmarks', () =>
    expect(validateDeliveryAreaInput(valid).landmarks).toEqual([
      { name: '南山第一小学', kind: 'SCHOOL' },
      { name: '南山花园小区', kind: 'RESIDENTIAL' },
    ]));

  it.each([
    [{ streetCode: '440306002' }, 'STREET_DISTRICT_MISMATCH'],
    [{ streetCode: '44030500' }, 'INVALID_STREET_CODE'],
    [{ districtCode: '440300' }, 'INVALID_DISTRICT_CODE'],
    [{ name: ' ' }, 'EMPTY_NAME'],
    [{ landmarks: [{ name: '', kind: 'SCHOOL' }] }, 'EMPTY_NAME'],
    [{ landmarks: [{ name: '某地', kind: 'PARK' }] }, 'INVALID_LANDMARK_KIND'],
    [{ landmarks: Array.from({ length: 51 }, (_, i) => ({ name: `地标${i}`, kind: 'UNIT' })) }, 'TOO_MANY_LANDMARKS'],
  ] as Array<[object, string]>)('%o → %s', (change, code) =>
    expect(thrownCode(() => validateDeliveryAreaInput({ ...valid, ...change }))).toBe(code));
});

describe('how many areas a courier may cover (承包区上限)', () => {
  const courier = (coveredAreas: number) => ({ id: 'c1', outletId: 'o1', active: true, coveredAreas });
  const codes = (covered: number, adding?: number) => assignabilityErrors(courier(covered), 'o1', adding).map((e) => e.code);
  it.each([
    [0, 1, []],
    [MAX_AREAS_PER_COURIER - 1, 1, []],
    [MAX_AREAS_PER_COURIER, 1, ['COURIER_AREA_LIMIT']],
    [MAX_AREAS_PER_COURIER - 2, 2, []],
    [MAX_AREAS_PER_COURIER - 2, 3, ['COURIER_AREA_LIMIT']],
  ])('covering %i, adding %i: %j', (covered, adding, expected) => expect(codes(covered, adding)).toEqual(expected));

  it('a handover to a full courier is refused with the same rule', () => {
    const plan = planHandover({
      area: { id: 'a1', outletId: 'o1' },
      fromCourierId: 'c0',
      toCourier: courier(MAX_AREAS_PER_COURIER),
      at: new Date('2026-01-02T00:00:00Z'),
      currentAssignment: { areaId: 'a1', courierId: 'c0', startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: null },
    });
    expect(plan.ok ? [] : plan.errors.map((e) => e.code)).toEqual(['COURIER_AREA_LIMIT']);
  });
});
