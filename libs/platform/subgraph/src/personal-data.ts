import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
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
  /** The class decorated: an object type, or a resolver class for a `@FieldResolver`. */
  target: object;
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
  if (!objectType || !field) throw new Error(`@PersonalData on ${(target as { name?: string }).name}.${key}: not an object type field (or no schema built yet)`);
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

/**
 * Field names that suggest a person's datum. A leaf field whose name matches must be declared
 * `@PersonalData` or be allowed by name with a reason, so a new field cannot slip past unmasked.
 */
export const PERSON_LIKE_FIELD = /name|phone|mobile|address|contact|signer|manager|recipient|sender|note|remark|email|idcard/i;

/**
 * What is wrong with a schema's personal-data declarations, one sentence per problem (none: all
 * well). Every object type is walked; object-valued fields are not data themselves, their types'
 * fields are walked in turn. A declared field must be a nullable String (the policy may withhold
 * it); a person-like leaf field must be declared or in `allowed` (`Type.field` → why it is not a
 * person's datum); an allowance must name an existing, undeclared field.
 */
export function auditPersonalData(schema: GraphQLSchema, allowed: Readonly<Record<string, string>>): string[] {
  const declared = personalDataFields(schema);
  const problems: string[] = [];
  const leaves = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (!isLeafType(getNamedType(field.type))) continue;
      leaves.add(key);
      if (declared.has(key)) {
        if (getNamedType(field.type).name !== 'String' || isNonNullType(field.type)) problems.push(`${key} is personal data: it must be a nullable String`);
      } else if (PERSON_LIKE_FIELD.test(field.name) && !allowed[key]) {
        problems.push(`${key} looks like a person's datum: declare it @PersonalData, or allow it with the reason it is not`);
      }
    }
  }
  for (const [key, reason] of Object.entries(allowed)) {
    if (!leaves.has(key)) problems.push(`${key} is allowed but is no leaf field of this schema`);
    else if (declared.has(key)) problems.push(`${key} is both declared personal data and allowed`);
    else if (reason.trim() === '') problems.push(`${key} is allowed without a reason`);
  }
  return problems;
}
