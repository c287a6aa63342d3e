import { parse } from 'graphql';
import { unavailableFieldErrors } from './subgraph-unavailable';

const cause = { subgraph: 'network', cause: new Error('connect ECONNREFUSED') };
const paths = (query: string, representations?: Array<{ __typename: string }>) =>
  unavailableFieldErrors(parse(query), representations, cause).map((e) => e.path);

describe('the errors standing in for an unreachable subgraph', () => {
  it.each([
    ['root fields, by response key', '{ here: outletByCode(code: "x") { name } courier(id: "c") { name } __typename }', undefined, [['here'], ['courier']]],
    [
      'entity fields per representation, through inline and named fragments of its own type only',
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Outlet { name code } ...C } } fragment C on Courier { phone }',
      [{ __typename: 'Outlet' }, { __typename: 'Courier' }],
      [['_entities', 0, 'name'], ['_entities', 0, 'code'], ['_entities', 1, 'phone']],
    ],
    ['an entity with no field of its own type: the entity', 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Outlet { name } } }', [{ __typename: 'Hub' }], [['_entities', 0]]],
    ['nothing but __typename: one error without a path', '{ __typename }', undefined, [undefined]],
  ])('%s', (_label, query, representations, expected) => {
    expect(paths(query, representations)).toEqual(expected);
  });

  it('carries the failure on the first error only, to be logged once', () => {
    const errors = unavailableFieldErrors(parse('{ a b c }'), undefined, cause);
    expect(errors.map((e) => e.cause)).toEqual([cause, undefined, undefined]);
    expect(errors.every((e) => e.extensions.code === 'SERVICE_UNAVAILABLE' && e.extensions.retryable)).toBe(true);
  });
});
