import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

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
  const strict = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const lenient = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : lenient;
    return ajv.compile(schema as FastifySchema & object);
  });
}
