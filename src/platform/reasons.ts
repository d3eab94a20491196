import { type Static, type TObject, type TSchema, Type } from 'typebox';
import { AppError, type ErrorCode, type ReasonParams } from './errors.js';

/**
 * Why a request was refused, as a stable name a client can act on and translate (`out_of_stock`,
 * `coupon_min_spend`), with typed params (money in minor units) instead of numbers inside prose.
 * Each module declares its closed set in `reasons.ts`; `src/problem-reasons.ts` gathers them into
 * the OpenAPI document, from which the web app's types and texts are checked.
 */
export interface ReasonSpec {
  code: ErrorCode;
  /** The params a client receives; omitted when the reason needs none. */
  params?: TObject;
  /** When a client sees it, for the OpenAPI reference. */
  description: string;
}

export type ReasonCatalog = Record<string, ReasonSpec>;

export const defineReasons = <const C extends ReasonCatalog>(catalog: C): C => catalog;

type ParamsOf<S extends ReasonSpec> = S['params'] extends TObject ? Static<S['params']> : undefined;

/**
 * The module's `refuse(reason, params, detail)`: an `AppError` with the reason's HTTP code.
 * `detail` is the English fallback a client shows only when it has no text for the reason.
 */
export function refusalsOf<const C extends ReasonCatalog>(catalog: C) {
  return <R extends keyof C & string>(reason: R, params: ParamsOf<C[R]>, detail: string): AppError =>
    new AppError((catalog[reason] as ReasonSpec).code, detail, undefined, {
      reason,
      ...(params === undefined ? {} : { params: params as ReasonParams }),
    });
}

/** Reasons that any route may give, one per error code, for refusals with nothing more specific to say. */
export const platformReasons = defineReasons({
  invalid_input: { code: 'invalid_input', description: 'The request is invalid; `errors` names each field.' },
  unauthorized: { code: 'unauthorized', description: 'No token, or the token is not (or no longer) valid.' },
  forbidden: { code: 'forbidden', description: 'Signed in, but the role does not allow this.' },
  not_found: { code: 'not_found', description: 'No such object, or it belongs to someone else.' },
  conflict: { code: 'conflict', description: 'The object is in a state that does not allow this.' },
  payload_too_large: { code: 'payload_too_large', description: 'The body is larger than the limit.' },
  unsupported_media_type: { code: 'unsupported_media_type', description: 'Send JSON.' },
  business_rule: { code: 'business_rule', description: 'A business rule refuses this.' },
  rate_limited: {
    code: 'rate_limited',
    params: Type.Object({ retryAfterSeconds: Type.Integer({ minimum: 0 }) }),
    description: 'Too many requests; try again after the given seconds.',
  },
  unavailable: { code: 'unavailable', description: 'A service this needs is not available now.' },
  idempotency_key_reused: {
    code: 'conflict',
    description: 'The Idempotency-Key was used before with another body.',
  },
  invalid_transition: {
    code: 'conflict',
    params: Type.Object({ machine: Type.String(), from: Type.String(), to: Type.String() }),
    description: 'The object is in a state from which this step is not allowed (e.g. an order already paid).',
  },
  idempotency_key_in_progress: {
    code: 'conflict',
    description: 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
});

/** All catalogs in one table; a reason named twice is a programming error found at start. */
export function mergeReasonCatalogs(catalogs: readonly ReasonCatalog[]): ReasonCatalog {
  const all: ReasonCatalog = {};
  for (const catalog of catalogs) {
    for (const [reason, spec] of Object.entries(catalog)) {
      if (all[reason]) throw new Error(`The refusal reason "${reason}" is declared twice`);
      all[reason] = spec;
    }
  }
  return all;
}

const internalError = 'Something failed on the server (500); the requestId helps support find it.';

/** The OpenAPI components a client needs: the closed set of reasons, and the params of each. */
export function reasonComponents(catalog: ReasonCatalog): Record<string, TSchema> {
  const names = Object.keys(catalog).sort();
  const params: Record<string, TSchema> = {};
  for (const name of names) {
    const spec = catalog[name];
    params[name] = spec?.params ?? Type.Object({});
  }
  const all = [...names, 'internal_error'];
  const descriptions = Object.fromEntries(
    all.map((name) => [name, catalog[name]?.description ?? internalError]),
  );
  return {
    ProblemReason: Type.String({
      enum: all,
      description: 'Why the request was refused: a stable name to act on and translate.',
      'x-enumDescriptions': descriptions,
    }),
    ReasonParams: Type.Object(params, {
      description: 'The params each reason carries (money in minor units), by reason.',
    }),
  };
}
