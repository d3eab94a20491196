import type { components } from './api-types';

type ParamValue = string | number | boolean | null;

export interface FieldError {
  path: string;
  /** English fallback; the web words a field error from `rule` and `params` (see problem-text.ts). */
  message: string;
  rule?: string;
  params?: Record<string, ParamValue>;
}

export type ProblemReason = components['schemas']['ProblemReason'];

/** A failed API call: the server's problem+json (RFC 9457) as an Error. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  /** Why it was refused: stable, to branch on and to translate. `unknown` when the body was not a problem. */
  readonly reason: string;
  readonly params: Record<string, ParamValue>;
  readonly errors: FieldError[];

  constructor(
    status: number,
    detail: string,
    problem: { reason?: string; params?: Record<string, ParamValue>; errors?: FieldError[] } = {},
  ) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.reason = problem.reason ?? 'unknown';
    this.params = problem.params ?? {};
    this.errors = problem.errors ?? [];
  }

  /** The field error at one JSON pointer ("/email"), to show beside its input. */
  fieldError(path: string): FieldError | undefined {
    return this.errors.find((e) => e.path === path);
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as {
      detail?: string;
      title?: string;
      reason?: string;
      params?: Record<string, ParamValue>;
      errors?: FieldError[];
    };
    return new ApiError(response.status, problem.detail ?? problem.title ?? response.statusText, problem);
  } catch {
    return new ApiError(response.status, text.slice(0, 200));
  }
}
