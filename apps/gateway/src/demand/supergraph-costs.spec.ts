import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, getNullableType, isInterfaceType, isListType, isObjectType, type GraphQLField } from 'graphql';
import { repoRoot } from '@courierdesk/platform-db';
import { readCostDirectives } from './cost-directives';

// The committed supergraph, as the gateway serves it: the estimate is only as good as its
// annotations, so no list may be left to the fallback size.
const sdl = readFileSync(join(repoRoot(), 'supergraph.graphql'), 'utf8');
const directives = readCostDirectives(sdl);
const schema = buildSchema(sdl, { assumeValidSDL: true });

const fields = Object.values(schema.getTypeMap())
  .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__') && !type.name.startsWith('join__') && !type.name.startsWith('link__'))
  .flatMap((type) => Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()).map((field) => ({ type: type.name, field })));

describe('the supergraph’s demand-control annotations', () => {
  it('size every list: by @listSize, or as the sized field of every field returning its type', () => {
    const unsized = fields
      .filter(({ field }) => isListType(getNullableType(field.type)))
      .filter(({ type, field }) => {
        if (directives.listSizes.has(`${type}.${field.name}`)) return false;
        const parents = fields.filter((f) => getNamedType(f.field.type).name === type);
        return parents.length === 0 || !parents.every((p) => directives.listSizes.get(`${p.type}.${p.field.name}`)?.sizedFields.includes(field.name));
      })
      .map(({ type, field }) => `${type}.${field.name}`);
    expect(unsized).toEqual([]);
  });

  it('declare the connections of the issue’s probe as connections', () => {
    expect(directives.listSizes.get('TransitCentre.outlets')).toMatchObject({ slicingArguments: ['first'], sizedFields: ['edges'] });
    expect(directives.listSizes.get('Outlet.couriers')).toMatchObject({ slicingArguments: ['first'], sizedFields: ['edges'] });
  });
});
