import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, createErrorFormatter, stripSuggestions } from './errors';
import { createLogger } from './logger';

describe('stripSuggestions', () => {
  it.each([
    ['Cannot query field "nam" on type "Outlet". Did you mean "name"?', 'Cannot query field "nam" on type "Outlet".'],
    ['Value "FRANCHIS" does not exist in "OutletKind" enum. Did you mean the enum value "FRANCHISE"?', 'Value "FRANCHIS" does not exist in "OutletKind" enum.'],
    ['Field "x" is not defined by type "In". Did you mean "y" or "z"?', 'Field "x" is not defined by type "In".'],
    ['Syntax Error: Unexpected Name "foo".', 'Syntax Error: Unexpected Name "foo".'],
  ])('%s', (input, expected) => expect(stripSuggestions(input)).toBe(expected));
});

describe('the subgraph error formatter', () => {
  const format = createErrorFormatter(createLogger('errors-spec', 'silent'));
  const sql = 'SELECT recipient_phone FROM tracking.waybill WHERE waybill_no = $1';
  const pg = (code: string, message: string) => Object.assign(new Error(message), { code });
  /** What graphql-js hands the formatter for an error thrown by a resolver. */
  const fromResolver = (err: Error) => {
    const error = new GraphQLError(err.message, { originalError: err, path: ['waybill', 'timeline'] });
    return format(error.toJSON(), error);
  };

  const unavailable = { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', retryable: true };
  it.each([
    ['a backend terminated under the query (57P01)', new QueryFailedError(sql, ['SF1'], pg('57P01', 'terminating connection due to administrator command')), unavailable],
    ['a server that refuses connections', pg('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.7:5432'), unavailable],
    ['a connection closed mid-statement', new QueryFailedError(sql, ['SF1'], new Error('Connection terminated unexpectedly')), unavailable],
    ['a statement cancelled by statement_timeout (57014)', new QueryFailedError(sql, ['SF1'], pg('57014', 'canceling statement due to statement timeout')), { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_BUSY', retryable: true }],
    ['a constraint nobody handled (a bug)', new QueryFailedError(sql, ['SF1'], pg('23505', 'duplicate key value violates unique constraint "waybill_pkey"')), { code: 'INTERNAL_SERVER_ERROR' }],
    ['a business conflict', new AppError('CONFLICT', 'OUTLET_CODE_TAKEN', 'Outlet code 110101-001 is taken'), { code: 'CONFLICT', reason: 'OUTLET_CODE_TAKEN' }],
  ])('%s', (_label, err, extensions) => {
    const formatted = fromResolver(err);
    expect(formatted.extensions).toEqual(extensions);
    expect(formatted.path).toEqual(['waybill', 'timeline']);
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|10\.0\.0\.7|ECONNREFUSED|waybill_pkey|57P01/);
  });
});
