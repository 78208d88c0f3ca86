import { readBeijingTime } from '../typed-dates.ts';

/**
 * The values of a form generated from a record type's JSON Schema: kept as the form shows them
 * (text), and turned into the API's JSON by `toFields`.
 */
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: string[];
  maxLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

export type FormValue = string | boolean | FormValue[] | { [name: string]: FormValue };
export type FormObject = { [name: string]: FormValue };

/** A union (e.g. participants: a list or one line) is edited as its text branch. */
export function editable(schema: JsonSchema): JsonSchema {
  if (!schema.anyOf) return schema;
  return schema.anyOf.find((branch) => branch.type === 'string') ?? schema.anyOf[0] ?? {};
}

export function emptyValue(schema: JsonSchema): FormValue {
  const own = editable(schema);
  if (own.type === 'object') {
    return Object.fromEntries(
      Object.entries(own.properties ?? {}).map(([name, inner]) => [name, emptyValue(inner)]),
    );
  }
  if (own.type === 'array') return own.items ? [emptyValue(own.items)] : [];
  if (own.type === 'boolean') return false;
  return '';
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isEmpty);
  return false;
}

/** The JSON the API takes: empty optional fields left out, times (typed in Beijing time) as ISO 8601, numbers as numbers. */
export function toFields(schema: JsonSchema, value: FormValue): unknown {
  const own = editable(schema);
  if (own.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const result: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(own.properties ?? {})) {
      const converted = toFields(inner, value[name] ?? '');
      if (isEmpty(converted) && !own.required?.includes(name)) continue;
      result[name] = converted;
    }
    return result;
  }
  if (own.type === 'array' && Array.isArray(value))
    return value.map((item) => toFields(own.items ?? {}, item)).filter((item) => !isEmpty(item));
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return '';
  if (own.type === 'number' || own.type === 'integer') return Number(value);
  if (own.format === 'date-time') return readBeijingTime(value) ?? value;
  return value;
}
