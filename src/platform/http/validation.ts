import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { AppError } from '../errors.js';
import { securityRefusal } from '../security-reasons.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

// ajv-formats is CommonJS: under ESM its default import is the plugin function itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const common: Options = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
};

/**
 * Bodies are validated strictly: no type coercion ("5" is not 5) and unknown keys are errors.
 * Query strings and path params are text by nature, so they are coerced to the declared types.
 */
export function registerValidation(app: FastifyInstance) {
  acceptEmptyJsonBodies(app);
  const strict = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const lenient = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : lenient;
    return ajv.compile(schema as FastifySchema & object);
  });
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, querystring: request.query, params: request.params };
    for (const [part, value] of Object.entries(parts)) {
      const at = nulCharacterAt(value);
      if (at === undefined) continue;
      const path = part === 'body' ? at || '/' : `/${part}${at}`;
      throw new AppError('invalid_input', 'The request is invalid', [
        { path, message: 'must not contain the character U+0000' },
      ]);
    }
  });
}

interface Visit {
  value: unknown;
  key?: string;
  parent?: Visit;
}

const pointerOf = (visit: Visit): string => {
  const keys: string[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) {
    keys.unshift(`/${v.key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
  return keys.join('');
};

/**
 * The JSON pointer of the first string (value or key) holding U+0000, if any. PostgreSQL text and
 * jsonb cannot store that character, so letting it through would turn bad input into a 500.
 * Walks with an explicit stack and builds the pointer only on a hit: a body may be nested deeper
 * than the call stack allows.
 */
export function nulCharacterAt(value: unknown): string | undefined {
  const stack: Visit[] = [{ value }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const current = visit.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pointerOf(visit);
    } else if (current !== null && typeof current === 'object' && !ArrayBuffer.isView(current)) {
      // Raw bodies (webhook payloads kept as bytes for signature checks) are not walked.
      for (const [key, child] of Object.entries(current)) {
        const childVisit = { value: child, key, parent: visit };
        if (key.includes('\u0000')) return pointerOf(childVisit);
        stack.push(childVisit);
      }
    }
  }
  return undefined;
}

/**
 * Many HTTP clients send `Content-Type: application/json` on a POST that has no body (pay, logout,
 * approve). Such a request means "no body", not "malformed JSON": it reaches the route with an
 * undefined body, and a route that needs one still answers 400 from its schema. A body nested
 * deeper than MAX_JSON_DEPTH is refused before it is parsed (see json-depth.ts). Anything else is
 * parsed by Fastify's own parser (secure-json-parse), with its prototype-poisoning protection.
 * Payment webhooks replace this parser in their own scope to keep the raw bytes.
 */
function acceptEmptyJsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    if (exceedsJsonDepth(body as string)) {
      return done(
        securityRefusal(
          'json_too_deep',
          `The body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`,
        ),
        undefined,
      );
    }
    return parseJson(request, body as string, done);
  });
}
