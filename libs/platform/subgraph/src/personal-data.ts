import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { disclose, NO_OUTLET, type PersonalDatum, type PersonSubject, type RecordOwner } from '@courierdesk/domain-network';
import { personalDataViewer } from '@courierdesk/platform-auth';
import type { SubgraphContext } from './context';

/** What a field carries of a person, and whose record holds it. */
export interface PersonalDataOptions<Root> {
  /** Whose datum: fixed, or read from the row (an escalation step is a courier or a desk). */
  subject: PersonSubject | ((root: Root) => PersonSubject);
  datum: PersonalDatum;
  /** The outlet(s) the record belongs to, or 'NETWORK'; null (unknown) is nobody's outlet. */
  owner: (root: Root, context: SubgraphContext<any>) => RecordOwner | null | Promise<RecordOwner | null>;
}

/** A field declared with `@PersonalData`, as the schema names it. */
export interface PersonalDataField {
  typeName: string;
  fieldName: string;
  datum: PersonalDatum;
  /** The fixed subject, or `BY_ROW` when the row says. */
  subject: PersonSubject | 'BY_ROW';
}

interface Declaration {
  target: Function;
  key: string;
  options: PersonalDataOptions<any>;
}

// Decorators run once, at class definition: like type-graphql's own metadata, this list describes
// classes, never a request.
const declarations: Declaration[] = [];

function applyPolicy<Root>(options: PersonalDataOptions<Root>): MiddlewareFn<SubgraphContext<any>> {
  return async ({ root, context }, next) => {
    const value: unknown = await next();
    if (value === null || value === undefined) return null;
    const subject = typeof options.subject === 'function' ? options.subject(root as Root) : options.subject;
    const owner = (await options.owner(root as Root, context)) ?? NO_OUTLET;
    return disclose(personalDataViewer(context.identity), { subject, datum: options.datum, owner }, String(value));
  };
}

/**
 * Declares a field that carries a person's name, phone, address or notes, and applies the
 * personal-data policy (domain-network `disclose`) to whatever the field resolves, on every path
 * that reaches it: queries, lists, nested fields and `_entities`. Put it on a `@Field` property of
 * an object type or on a `@FieldResolver` method. The schema-walking tests find every such field
 * through `personalDataFields`.
 */
export function PersonalData<Root>(options: PersonalDataOptions<Root>): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    declarations.push({ target: target.constructor, key: String(key), options });
    UseMiddleware(applyPolicy(options))(target, key, descriptor as PropertyDescriptor);
  };
}

/** The GraphQL type and field name of a declaration (type-graphql metadata, complete once a schema is built). */
function schemaNameOf({ target, key }: Declaration): { typeName: string; fieldName: string } {
  const storage = getMetadataStorage();
  const resolver = storage.fieldResolvers.find((r) => r.target === target && r.methodName === key);
  const objectClass = resolver ? resolver.getObjectType?.() : target;
  const objectType = storage.objectTypes.find((t) => t.target === objectClass);
  const field = resolver ?? storage.fields.find((f) => f.target === target && f.name === key);
  if (!objectType || !field) throw new Error(`@PersonalData on ${target.name}.${key}: not an object type field (or no schema built yet)`);
  return { typeName: objectType.name, fieldName: field.schemaName };
}

/** Every `@PersonalData` field of this schema, by `Type.field`. */
export function personalDataFields(schema: GraphQLSchema): Map<string, PersonalDataField> {
  const fields = new Map<string, PersonalDataField>();
  for (const declaration of declarations) {
    const { typeName, fieldName } = schemaNameOf(declaration);
    const type = schema.getType(typeName);
    if (!isObjectType(type) || !type.getFields()[fieldName]) continue;
    const { subject, datum } = declaration.options;
    fields.set(`${typeName}.${fieldName}`, { typeName, fieldName, datum, subject: typeof subject === 'function' ? 'BY_ROW' : subject });
  }
  return fields;
}
