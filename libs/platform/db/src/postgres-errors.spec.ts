import { QueryFailedError } from 'typeorm';
import {
  isCheckViolation,
  isForeignKeyViolation,
  isQueryCanceled,
  isTransientDatabaseError,
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

  const systemError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

  it.each([
    ['57P01 admin_shutdown (pg_terminate_backend), wrapped', wrapped('57P01'), true],
    ['57P02 crash_shutdown', pgError('57P02'), true],
    ['57P03 cannot_connect_now (starting up / shutting down)', pgError('57P03'), true],
    ['53300 too_many_connections', pgError('53300'), true],
    ['08006 connection_failure', wrapped('08006'), true],
    ['08003 connection_does_not_exist', pgError('08003'), true],
    ['ECONNREFUSED', systemError('ECONNREFUSED'), true],
    ['ECONNRESET, wrapped', new QueryFailedError('SELECT 1', [], systemError('ECONNRESET')), true],
    ['pg: Connection terminated unexpectedly', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')), true],
    ['pg: Client has encountered a connection error…', new Error('Client has encountered a connection error and is not queryable'), true],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['AggregateError of refused addresses', new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], 'connect'), true],
    ['23505 unique_violation', wrapped('23505'), false],
    ['57014 statement timeout (a slow query, not a lost server)', wrapped('57014'), false],
    ['40P01 deadlock', wrapped('40P01'), false],
    ['ENOTFOUND (a wrong host name)', systemError('ENOTFOUND'), false],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['null', null, false],
  ])('%s → transient: %s', (_label, err, expected) => {
    expect(isTransientDatabaseError(err)).toBe(expected);
  });
});
