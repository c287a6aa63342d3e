import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Field, InputType, Query, Resolver } from 'type-graphql';
import { parseClientDateTime } from './date-time.scalar';
import { buildFederatedSchema } from './schema';

describe('parseClientDateTime', () => {
  it.each([
    ['2026-12-01T08:00:00+08:00', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T00:00:00.250-05:00', '2026-12-01T05:00:00.250Z'],
    // A bare date: 00:00 that day in China (UTC+8), i.e. 16:00 UTC the day before.
    ['2024-01-01', '2023-12-31T16:00:00.000Z'],
    [' 2024-02-29 ', '2024-02-28T16:00:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parseClientDateTime(text)?.toISOString()).toBe(iso));

  it.each(['x', '', '2024-02-30', '2023-02-29', '2024-1-1', '2026-12-01T08:00:00', '2026-12-01 08:00:00Z', '2026-12-01T25:00:00Z', '1733040000000'])(
    'refuses %j',
    (text) => expect(parseClientDateTime(text)).toBeNull(),
  );
});

@InputType()
class Window {
  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => [Date], { nullable: true })
  at?: Date[] | null;
}

@Resolver()
class ProbeResolver {
  @Query(() => String)
  echo(@Arg('window', () => Window, { nullable: true }) window: Window | null, @Arg('since', () => Date, { nullable: true }) since: Date | null): string {
    return [since, window?.from, ...(window?.at ?? [])].map((d) => d?.toISOString() ?? '-').join(' ');
  }

  @Query(() => Date)
  now(): Date {
    return new Date('2026-12-01T00:00:00Z');
  }
}

describe('DateTimeISO in a subgraph', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [ProbeResolver] });
  });
  const run = async (source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, variableValues });

  it('reads offsets and plain dates, in literals and variables, and writes UTC', async () => {
    expect((await run('{ echo(since: "2024-01-01", window: { from: "2026-12-01T08:00:00+08:00" }) now }')).data).toEqual({
      echo: '2023-12-31T16:00:00.000Z 2026-12-01T00:00:00.000Z',
      now: '2026-12-01T00:00:00.000Z',
    });
    const res = await run('query ($w: Window) { echo(window: $w) }', { w: { at: ['2026-12-01T00:00:00Z', '2026-12-02'] } });
    expect(res.data).toEqual({ echo: '- - 2026-12-01T00:00:00.000Z 2026-12-01T16:00:00.000Z' });
  });

  // GraphQL validation and variable coercion would stop these with HTTP 400 before any resolver
  // runs (an INTERNAL_SERVER_ERROR at the gateway); they must be the field's BAD_USER_INPUT.
  it.each<[string, string, Record<string, unknown> | undefined, string]>([
    ['a string literal', '{ echo(window: { from: "x" }) }', undefined, 'window.from: expected an ISO 8601 date-time with an offset such as 2026-12-01T08:00:00+08:00'],
    ['a number literal', '{ echo(since: 5) }', undefined, 'since: expected'],
    ['a variable', 'query ($s: DateTimeISO) { echo(since: $s) }', { s: '2024-01-01T08:00:00' }, 'since: expected'],
    ['a list item', 'query ($w: Window) { echo(window: $w) }', { w: { at: ['2026-12-01', 'soon'] } }, 'window.at[1]: expected'],
    ['a number variable', 'query ($s: DateTimeISO) { echo(since: $s) }', { s: 1733040000000 }, 'got 1733040000000'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, source, variables, message) => {
    const res = await run(source, variables);
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error.originalError).toMatchObject({ kind: 'BAD_USER_INPUT', code: 'INVALID_DATE_TIME' });
    expect(error.message).toContain(message);
    expect(error.path).toEqual(['echo']);
  });
});
