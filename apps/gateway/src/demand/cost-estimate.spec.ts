import { buildSchema, parse } from 'graphql';
import { readCostDirectives } from './cost-directives';
import { estimateCost, MUTATION_WEIGHT, UNANNOTATED_LIST_SIZE } from './cost-estimate';

// A supergraph in miniature: the cost spec linked as composition links it, a connection, a list
// sliced by an argument, lists with assumed sizes, weights, an interface.
const SDL = `
schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"]) { query: Query mutation: Mutation }
directive @link(url: String, as: String, import: [String]) repeatable on SCHEMA
directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT | SCALAR | ENUM
directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
type Query {
  centre(id: ID!): Centre
  centres: [Centre!]! @listSize(assumedSize: 5)
  search(limit: Int! = 10): [Outlet!]! @listSize(slicingArguments: ["limit"])
  place: Place
  unannotated: [Outlet!]!
}
type Mutation { touch: Outlet }
type Centre {
  id: ID!
  name: String
  outlets(first: Int, after: String): OutletConnection! @listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)
}
type OutletConnection { edges: [OutletEdge!]! pageInfo: PageInfo! }
type OutletEdge { node: Outlet! cursor: String! }
type PageInfo { hasNextPage: Boolean! }
type Outlet { id: ID! centre: Centre tags: [String!]! @listSize(assumedSize: 3) heavy: Heavy @cost(weight: 7) safe: Safe }
type Heavy { x: Int }
type Safe @cost(weight: 4) { y: Int }
interface Place { id: ID! }
type Hub implements Place { id: ID! centres: [Centre!]! @listSize(assumedSize: 4) }
type Shop implements Place { id: ID! outlet: Outlet }
`;

const schema = buildSchema(SDL);
const directives = readCostDirectives(SDL);
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, directives, { document: parse(query), variables });

describe('estimateCost', () => {
  it.each([
    ['an object with scalars', '{ centre(id: 1) { id name } }', undefined, 1],
    ['a list with an assumed size', '{ centres { id } }', undefined, 5],
    ['a connection with its default page, pageInfo counted once', '{ centre(id: 1) { outlets { edges { node { id } } pageInfo { hasNextPage } } } }', undefined, 1 + 1 + 20 * 2 + 1],
    ['a connection sized by a literal `first`', '{ centre(id: 1) { outlets(first: 3) { edges { node { id } } pageInfo { hasNextPage } } } }', undefined, 1 + 1 + 3 * 2 + 1],
    ['`first` from a variable', 'query($n: Int) { centre(id: 1) { outlets(first: $n) { edges { node { id } } } } }', { n: 7 }, 1 + 1 + 7 * 2],
    ['`first` from a variable’s default', 'query($n: Int = 4) { centre(id: 1) { outlets(first: $n) { edges { node { id } } } } }', undefined, 1 + 1 + 4 * 2],
    ['`first: null`: the default page', '{ centre(id: 1) { outlets(first: null) { edges { node { id } } } } }', undefined, 1 + 1 + 20 * 2],
    ['lists multiply down the tree', '{ centre(id: 1) { outlets(first: 10) { edges { node { centre { outlets(first: 10) { edges { node { id } } } } } } } } }', undefined, 1 + 1 + 10 * (1 + 1 + 1 + (1 + 10 * 2))],
    ['a slicing argument’s schema default', '{ search { id } }', undefined, 10],
    ['a slicing argument given', '{ search(limit: 3) { id } }', undefined, 3],
    ['lists of scalars cost nothing', '{ search(limit: 2) { tags } }', undefined, 2],
    ['@cost on a field', '{ search(limit: 2) { heavy { x } } }', undefined, 2 * (1 + 7)],
    ['@cost on a type', '{ search(limit: 2) { safe { y } } }', undefined, 2 * (1 + 4)],
    ['a mutation’s root field', 'mutation { touch { id } }', undefined, MUTATION_WEIGHT],
    ['an interface: its most expensive type', '{ place { id ... on Hub { centres { id } } ... on Shop { outlet { id } } } }', undefined, 1 + 4],
    ['a fragment under a connection keeps its size', '{ centre(id: 1) { outlets(first: 2) { ...C } } } fragment C on OutletConnection { edges { node { id } } }', undefined, 1 + 1 + 2 * 2],
    ['@skip', 'query($s: Boolean!) { centres @skip(if: $s) { id } centre(id: 1) { id } }', { s: true }, 1],
    ['a list nobody annotated', '{ unannotated { id } }', undefined, UNANNOTATED_LIST_SIZE],
    ['introspection and __typename', '{ __typename __schema { types { name fields { name } } } }', undefined, 0],
  ])('%s', (_what, query, variables, expected) => expect(cost(query, variables)).toBe(expected));

  it('picks the named operation of a document', () => {
    const query = 'query A { centres { id } } query B { centre(id: 1) { id } }';
    expect(estimateCost(schema, directives, { document: parse(query), operationName: 'A' })).toBe(5);
    expect(estimateCost(schema, directives, { document: parse(query), operationName: 'B' })).toBe(1);
  });

  it('gives up (null) on variables that do not fit: the gateway refuses those itself', () => {
    expect(cost('query($n: Int) { centre(id: 1) { outlets(first: $n) { edges { node { id } } } } }', { n: 'many' })).toBeNull();
  });
});

describe('readCostDirectives', () => {
  it('follows the link’s renamed imports', () => {
    const renamed = SDL.replace('import: ["@listSize"]', 'import: [{ name: "@listSize", as: "@size" }]').replace(/@listSize\(assumedSize: 5\)/, '@size(assumedSize: 5)');
    expect(readCostDirectives(renamed).listSizes.get('Query.centres')).toEqual({ assumedSize: 5, slicingArguments: [], sizedFields: [] });
    expect(readCostDirectives(renamed).listSizes.has('Centre.outlets')).toBe(false);
  });
});
