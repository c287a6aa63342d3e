import { thrownCode } from '@courierdesk/domain-core/testing';
import { chinaTime } from '@courierdesk/domain-sla';
import { assertRegulatorCase } from './regulator';

describe('12305 regulator case', () => {
  const dueAt = chinaTime(2026, 12, 10, 17, 0);

  it.each([
    ['REGULATOR_12305', { caseNo: ' 2026120112345 ', dueAt }, { caseNo: '2026120112345', dueAt }],
    ['REGULATOR_12305', { caseNo: '', dueAt }, 'REGULATOR_CASE_REQUIRED'],
    ['REGULATOR_12305', { caseNo: '   ', dueAt }, 'REGULATOR_CASE_REQUIRED'],
    ['REGULATOR_12305', { caseNo: 'A1', dueAt: null }, 'REGULATOR_CASE_REQUIRED'],
    ['REGULATOR_12305', { caseNo: 'A1', dueAt: new Date('x') }, 'REGULATOR_CASE_REQUIRED'],
    ['REGULATOR_12305', null, 'REGULATOR_CASE_REQUIRED'],
    ['PHONE', null, null],
    ['PHONE', { caseNo: null, dueAt: null }, null],
    // A complaint escalated to 12305 later carries the case on its original channel.
    ['PHONE', { caseNo: 'A1', dueAt }, { caseNo: 'A1', dueAt }],
    // Half a case is a mistake on any channel.
    ['PHONE', { caseNo: 'A1', dueAt: null }, 'REGULATOR_CASE_REQUIRED'],
    ['APP', { caseNo: '', dueAt }, 'REGULATOR_CASE_REQUIRED'],
  ] as const)('%s with %o → %o', (channel, regulatorCase, expected) => {
    if (typeof expected === 'string') expect(thrownCode(() => assertRegulatorCase(channel, regulatorCase))).toBe(expected);
    else expect(assertRegulatorCase(channel, regulatorCase)).toEqual(expected);
  });
});
