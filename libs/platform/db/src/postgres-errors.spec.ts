import { QueryFailedError } from 'typeorm';
import {
  isCheckViolation,
  isForeignKeyViolation,
  isQueryCanceled,
  isUniqueViolation,
  postgresErrorCode,
  violatedConstraint,
} from './postgres-errors';

const pgError = (code: string, constraint?: string) => Object.assign(new Error('pg'), { code, constraint });
const wrapped = (code: string, constraint?: string) => new QueryFailedError('INSERT …', [], pgError(code, constraint));

describe('postgres error classification', () => {
  it.each([
    ['raw 23505', pgError('23505'), [true, false, false, false]],
    ['wrapped 23505', wrapped('23505'), [true, false, false, false]],
    ['wrapped 23503', wrapped('23503'), [false, true, false, false]],
    ['raw 23514', pgError('23514'), [false, false, true, false]],
    ['wrapped 57014', wrapped('57014'), [false, false, false, true]],
    ['other SQLSTATE', wrapped('42P01'), [false, false, false, false]],
    ['plain Error', new Error('boom'), [false, false, false, false]],
    ['string', 'boom', [false, false, false, false]],
    ['null', null, [false, false, false, false]],
  ])('%s → unique/fk/check/canceled', (_label, err, expected) => {
    expect([isUniqueViolation(err), isForeignKeyViolation(err), isCheckViolation(err), isQueryCanceled(err)]).toEqual(expected);
  });

  it('reads code and constraint through the TypeORM wrapper', () => {
    const err = wrapped('23505', 'payout_idempotency_key');
    expect(postgresErrorCode(err)).toBe('23505');
    expect(violatedConstraint(err)).toBe('payout_idempotency_key');
  });

  it('ignores a non-string code (Node system errors use strings too, others may not)', () => {
    expect(postgresErrorCode({ code: 23505 })).toBeUndefined();
  });
});
