import fc from 'fast-check';
import type { TestApp } from './test-app.js';

/**
 * The OpenAPI document as sweeps read it (test/integration/bad-input.test.ts, authorization.test.ts):
 * every route it lists, and sample values that its schemas accept. Reading routes from the document
 * rather than a list in the test is what sweeps a route added tomorrow.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
}

export interface Operation {
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Route {
  method: Method;
  path: string;
  operation: Operation;
}

export const BODY_METHODS = new Set<Method>(['POST', 'PUT', 'PATCH']);

export const firstOf = (schema: JsonSchema) => schema.anyOf?.[0] ?? schema.oneOf?.[0];
const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'email') return `sweep${Math.random().toString(36).slice(2, 8)}@example.com`;
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'uri') return 'https://example.com/x';
  const fits = (s: string) =>
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(s)) &&
    s.length >= (schema.minLength ?? 0) &&
    s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  const unique = `X${Math.random().toString(36).slice(2, 10)}`;
  const candidate = [
    unique,
    `/${unique}`,
    `https://example.com/${unique}`,
    unique.padEnd(schema.minLength ?? 0, 'x'),
  ].find(fits);
  if (candidate) return candidate;
  return schema.pattern
    ? (fc.sample(fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits), {
        numRuns: 1,
        seed: 42,
      })[0] ?? '')
    : 'x';
}

/**
 * A plausible value for a schema, so a request gets past validation to the code behind it. Fields
 * named in `known` (a real `variantId`, say) take that value instead of a made-up one.
 */
export function sample(schema: JsonSchema, known: Record<string, unknown> = {}, depth = 0): unknown {
  const alternative = firstOf(schema);
  if (alternative) return sample(alternative, known, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => depth < 4 && (schema.required ?? []).includes(name))
          .map(([name, child]) => [name, known[name] ?? sample(child, known, depth + 1)]),
      );
    case 'array':
      return schema.items && depth < 4
        ? Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
            sample(schema.items as JsonSchema, known, depth + 1),
          )
        : [];
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** Every route of the running app's OpenAPI document, as method, path template and operation. */
export async function documentedRoutes(t: Pick<TestApp, 'request'>): Promise<Route[]> {
  const doc = (await t.request('GET', '/api/openapi.json')).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase() as Method,
      path,
      operation,
    })),
  );
}

/** The JSON body schema of an operation, if it takes one. */
export const bodySchemaOf = (operation: Operation): JsonSchema | undefined =>
  operation.requestBody?.content?.['application/json']?.schema;
