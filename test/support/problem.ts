import { expect } from 'vitest';

interface ProblemResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  json<T = Record<string, unknown>>(): T;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  reason: string;
  params?: Record<string, string | number | boolean | null>;
  errors?: { path: string; message: string; rule?: string; params?: Record<string, unknown> }[];
}

/** Asserts an RFC 9457 problem+json answer with the given status and returns its body. */
export function expectProblem(res: ProblemResponse, status: number): ProblemBody {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  // Every problem names its reason, generic or specific: clients branch on it.
  expect(typeof body.reason).toBe('string');
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return body;
}

/** The JSON-pointer paths named in a 400's `errors`. */
export const errorPaths = (problem: ProblemBody): string[] => (problem.errors ?? []).map((e) => e.path);
