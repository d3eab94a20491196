import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorStatus, type FieldError, type ReasonParams } from '../errors.js';
import { baseSecurityHeaders } from './security-headers.js';

/** RFC 9457 problem details; every error Fission answers has this shape. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable and specific (`out_of_stock`); what a client branches on and translates. */
  reason: string;
  params?: ReasonParams;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

const titles: Record<ErrorCode, string> = {
  invalid_input: 'Invalid input',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  business_rule: 'Refused by a business rule',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
};

const codeOfStatus = new Map<number, ErrorCode>(
  Object.entries(errorStatus).map(([code, status]) => [status, code as ErrorCode]),
);

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem: Problem = {
    type: `https://fission.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: titles[error.code],
    status: error.status,
    detail: error.message,
    reason: error.reason,
    ...(error.params ? { params: error.params } : {}),
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...(error.errors ? { errors: error.errors } : {}),
  };
  return reply.status(error.status).type('application/problem+json').send(problem);
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Ajv's params a client can word a message with (`limit` of minLength, `format` of format). */
function ruleParams(params: Record<string, unknown>): ReasonParams | undefined {
  const kept: ReasonParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (['string', 'number', 'boolean'].includes(typeof value))
      kept[key] = value as string | number | boolean;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Ajv's findings as `{ path, message, rule, params }`: JSON-pointer paths a client maps to its
 * fields, and the rule broken (the schema keyword) so the client words it in the person's language.
 */
export function fieldErrors(issues: readonly AjvIssue[], part: string): FieldError[] {
  return issues.map((issue) => {
    const base = part === 'body' ? issue.instancePath : `/${part}${issue.instancePath}`;
    if (issue.keyword === 'required')
      return { path: `${base}/${issue.params.missingProperty}`, message: 'is required', rule: 'required' };
    if (issue.keyword === 'additionalProperties') {
      return {
        path: `${base}/${issue.params.additionalProperty}`,
        message: 'is not an allowed field',
        rule: 'additionalProperties',
      };
    }
    const params = ruleParams(issue.params);
    return {
      path: base || '/',
      message: issue.message ?? 'is invalid',
      rule: issue.keyword,
      ...(params ? { params } : {}),
    };
  });
}

/** Maps anything thrown by a route, a hook or Fastify itself to problem+json; never leaks a 5xx cause. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const part = fastifyError.validationContext ?? 'body';
      return sendProblem(
        request,
        reply,
        new AppError('invalid_input', 'The request is invalid', fieldErrors(fastifyError.validation, part)),
      );
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = codeOfStatus.get(status) ?? 'invalid_input';
      return sendProblem(request, reply, new AppError(code, friendlyClientMessage(fastifyError)));
    }
    request.log.error({ err: error }, 'unhandled error');
    const problem: Problem = {
      type: 'about:blank',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side; the request id helps us find it.',
      reason: 'internal_error',
      requestId: String(request.id),
    };
    return reply.status(500).type('application/problem+json').send(problem);
  });
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing, such as a path that is not
 * valid percent-encoded UTF-8, which otherwise bypass the error handler and answer plain JSON.
 */
export function frameworkErrorAsProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // No hook runs before such an error, helmet's included.
  reply.headers(baseSecurityHeaders(request.protocol === 'https'));
  const status = error.statusCode ?? 400;
  const code = codeOfStatus.get(status) ?? 'invalid_input';
  return sendProblem(request, reply, new AppError(code, friendlyClientMessage(error)));
}

function friendlyClientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return 'The URL is not valid percent-encoded UTF-8';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The body is larger than 1 MB';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send JSON with Content-Type: application/json';
    default:
      return error.message;
  }
}
