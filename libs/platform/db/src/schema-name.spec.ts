import { assertSchemaName, quoteSchemaName } from './schema-name';

describe('schema names', () => {
  it.each(['network', 'tracking', 'claims_v2', '_scratch', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(quoteSchemaName(name)).toBe(`"${name}"`);
  });

  it.each([
    ['', /Invalid/],
    ['Network', /Invalid/],
    ['net-work', /Invalid/],
    ['9lives', /Invalid/],
    ['x"; DROP TABLE t; --', /Invalid/],
    ['a'.repeat(64), /longer than 63/],
    ['pg_temp', /reserved/],
  ])('refuses %j', (name, message) => {
    expect(() => assertSchemaName(name)).toThrow(message);
  });
});
