import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { CallerTokenIssuer, callerTokenSettings, Role, type SigningKey } from '@courierdesk/platform-auth';
import { startE2eGraph, type E2eGraph } from './testing/e2e-graph';

// Random values into every argument of every root field, found by walking the schema the gateway
// serves, as every kind of caller: whatever a client sends, the answer is a 2xx or a 4xx with a
// stable code — never a 5xx, never INTERNAL_SERVER_ERROR, never SQL, a stack or an internal URL.
const RUNS_PER_FIELD = 12;
const LEAKS = [
  /\bat \S+ \(.*:\d+:\d+\)/, // a stack frame
  /\.ts:\d+:\d+/,
  /node_modules/,
  /QueryFailedError|TypeORMError|violates .* constraint|relation "[^"]+"|column "[^"]+"|syntax error at or near/i,
  /\b(SELECT|INSERT|UPDATE|DELETE)\s.+\s(FROM|INTO|SET)\s/,
  /https?:\/\/(127\.0\.0\.1|localhost):\d+/,
];

type Caller = { name: string; token: string };

describe('random arguments into every field, as every caller', () => {
  let e2e: E2eGraph;
  let issuerKey: SigningKey;
  let schema: GraphQLSchema;
  let callers: Caller[];
  const samples: string[] = [];

  const post = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const { status, text } = await e2e.graphql(query, token, variables);
    return { status, text };
  };

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: { provinces: ['11'], waybills: 150 },
    });
    ({ issuerKey } = e2e);
    const issuer = new CallerTokenIssuer(issuerKey, callerTokenSettings());
    const admin = await issuer.mint({ subject: 'fuzz-admin', roles: [Role.ADMIN] });
    schema = buildClientSchema((JSON.parse((await post(admin, getIntrospectionQuery())).text) as { data: IntrospectionQuery }).data);

    // Real keys, so that some random calls reach rows instead of stopping at "not found".
    const real = JSON.parse(
      (await post(admin, '{ outlets(first: 3) { edges { node { id code transitCentre { id } } } } waybills(first: 3) { edges { node { waybillNo } } } }')).text,
    ) as { data: { outlets: { edges: { node: { id: string; code: string; transitCentre: { id: string } | null } }[] }; waybills: { edges: { node: { waybillNo: string } }[] } } };
    const outlets = real.data.outlets.edges.map((e) => e.node);
    samples.push(...outlets.flatMap((o) => [o.id, o.code, o.transitCentre?.id ?? o.id]), ...real.data.waybills.edges.map((e) => e.node.waybillNo));
    const own = outlets[0]?.id ?? null;
    const other = outlets[1]?.id ?? null;
    callers = [
      { name: 'admin', token: admin },
      { name: 'agent', token: await issuer.mint({ subject: 'fuzz-agent', roles: [Role.AGENT] }) },
      { name: 'analyst', token: await issuer.mint({ subject: 'fuzz-analyst', roles: [Role.ANALYST] }) },
      { name: 'scanner', token: await issuer.mint({ subject: 'fuzz-scanner', roles: [Role.SCANNER] }) },
      { name: 'hub scanner', token: await issuer.mint({ subject: 'fuzz-hub', roles: [Role.SCANNER], scopes: ['tracking:ingest', 'tracking:ingest:any'] }) },
      { name: 'partner', token: await issuer.mint({ subject: 'fuzz-partner', roles: [Role.OUTLET_PARTNER, Role.SCANNER], outletId: own, scopes: ['network:read', 'network:write', 'tracking:read', 'tracking:ingest', 'pii:read'] }) },
      { name: 'other partner', token: await issuer.mint({ subject: 'fuzz-partner-2', roles: [Role.OUTLET_PARTNER], outletId: other }) },
    ];
  }, 180_000);
  afterAll(() => e2e?.stop());

  const text = () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
      { weight: 3, arbitrary: fc.constantFrom(...(samples.length > 0 ? samples : ['x'])) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom('', ' ', '\u0000', "' OR 1=1 --", '%s%n', '🙂🙂', '../../etc/passwd', 'x'.repeat(3000), '110101', 'CD000000000019') },
    );

  /** Values a client could send for an input type: valid ones, edge cases and wrong types. */
  function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return valueOf((type as GraphQLNonNull<GraphQLInputType>).ofType, depth);
    const value = ((): fc.Arbitrary<unknown> => {
      if (isListType(type)) return fc.array(valueOf((type as GraphQLList<GraphQLInputType>).ofType, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
      if (type instanceof GraphQLEnumType) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), fc.string({ maxLength: 8 }));
      if (type instanceof GraphQLInputObjectType) {
        const fields = Object.values(type.getFields());
        if (depth > 3) return fc.constant({});
        return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])), {
          requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
        });
      }
      const scalar = (type as GraphQLScalarType).name;
      if (scalar === 'Int') return fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, -1, 101, 1000, 2_147_483_647, -2_147_483_648));
      if (scalar === 'Float') return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308));
      if (scalar === 'Boolean') return fc.boolean();
      if (/Date|Time/.test(scalar)) {
        return fc.oneof(
          fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom('2024-01-01', 'x', '2024-13-45T99:99:99Z', '', '1700000000000', '2026-12-02T08:00:00+08:00'),
        );
      }
      return text();
    })();
    // Now and then a value of the wrong JSON type: coercion must refuse it as the client's error.
    return fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 1 })) });
  }

  /** A small selection: scalars, `__typename`, and a connection's edges, a level or two down. */
  function selectionOf(type: GraphQLOutputType, depth = 0): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (!isObjectType(named)) return '{ __typename }';
    const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
    const nested =
      depth >= 2
        ? []
        : fields
            .filter((f) => !isLeafType(getNamedType(f.type)) && (depth === 0 || ['edges', 'node', 'pageInfo'].includes(f.name)))
            .map((f) => `${f.name} ${selectionOf(f.type, depth + 1)}`);
    return `{ __typename ${[...leaves, ...nested].join(' ')} }`;
  }

  function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
    const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    return `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field.type)} }`;
  }

  const rootFields = (kind: 'query' | 'mutation') => {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {}).filter((f) => f.args.length > 0 && !f.name.startsWith('_'));
  };

  for (const kind of ['query', 'mutation'] as const) {
    it(`answers every ${kind} field with a client error or data, never a server error`, async () => {
      const fields = rootFields(kind);
      expect(fields.length).toBeGreaterThan(kind === 'query' ? 5 : 3);
      for (const field of fields) {
        const operation = operationOf(kind, field);
        const args = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type)])), { requiredKeys: [] });
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...callers), args, async (caller, variables) => {
            const { status, text: body } = await post(caller.token, operation, variables);
            const context = `${caller.name} ${field.name} ${JSON.stringify(variables).slice(0, 300)} → ${status} ${body.slice(0, 400)}`;
            if (status >= 500) throw new Error(`5xx: ${context}`);
            const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
            for (const error of parsed.errors ?? []) {
              if (!error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR') throw new Error(`no stable code: ${context}`);
            }
            const leak = LEAKS.find((pattern) => pattern.test(body));
            if (leak) throw new Error(`leaks ${leak}: ${context}`);
          }),
          { numRuns: RUNS_PER_FIELD },
        );
      }
    }, 600_000);
  }

  it('walks a schema with the fields the issue names (the walk is not empty)', () => {
    const names = rootFields('query').map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['outlet', 'waybills']));
    expect(rootFields('mutation').map((f) => f.name)).toEqual(expect.arrayContaining(['recordScans']));
  });
});
