import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `/docs` is a usable reference only if every operation says what it is for and what it answers.
 * The route table comes from the OpenAPI document, so a route added tomorrow is checked too.
 * While working on one area, filter: `ROUTE_DOCS_PREFIX=/api/orders npx vitest run --project pglite <this file>`.
 */
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** What an operation lacks, in words; empty when it is documented. */
function documentationGaps(op: Operation): string[] {
  const gaps: string[] = [];
  if (!op.tags?.length) gaps.push('tags');
  if (!op.summary?.trim()) gaps.push('summary');
  if (!op.description?.trim()) gaps.push('description');
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^[23]\d\d$/.test(status));
  const described = success.some(
    ([status, response]) =>
      status === '204' ||
      /^3/.test(status) ||
      Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
  );
  if (!described) gaps.push('a response schema for its success status');
  return gaps;
}

let t: TestApp;
let paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
let tagNames: Set<string>;

beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.request('GET', '/api/openapi.json')).json<{
    paths: typeof paths;
    tags?: { name: string }[];
  }>();
  paths = doc.paths;
  tagNames = new Set((doc.tags ?? []).map((tag) => tag.name));
});
afterAll(() => t.close());

describe('the API reference', () => {
  it('documents every operation: tags, summary, description and a success response schema', () => {
    const prefix = process.env.ROUTE_DOCS_PREFIX ?? '';
    const gaps: string[] = [];
    for (const [path, item] of Object.entries(paths)) {
      if (!path.startsWith(prefix)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const missing = documentationGaps(op);
        const unknownTags = (op.tags ?? []).filter((tag) => !tagNames.has(tag));
        if (unknownTags.length)
          missing.push(`tags listed in src/api-tags.ts (not ${unknownTags.join(', ')})`);
        if (missing.length) gaps.push(`${method.toUpperCase()} ${path}: ${missing.join(', ')}`);
      }
    }
    expect(gaps.sort(), `${gaps.length} undocumented operations:\n${gaps.join('\n')}\n`).toEqual([]);
  });

  it('lists every refusal reason with the params it carries', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json<{
      components: { schemas: Record<string, { enum?: string[]; properties?: object }> };
    }>();
    const reasons = doc.components.schemas.ProblemReason?.enum ?? [];
    expect(reasons).toContain('not_found');
    expect(reasons).toContain('internal_error');
    expect(Object.keys(doc.components.schemas.ReasonParams?.properties ?? {})).toContain('rate_limited');
  });

  it('serves the reference at /docs from the package, not a CDN', async () => {
    const page = await t.request('GET', '/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/cdn\.jsdelivr|unpkg\.com/);
  });
});

describe('documentationGaps', () => {
  it('names what is missing', () => {
    expect(documentationGaps({})).toEqual([
      'tags',
      'summary',
      'description',
      'a response schema for its success status',
    ]);
    expect(
      documentationGaps({
        tags: ['orders'],
        summary: 'Place an order',
        description: 'Reserves stock.',
        responses: { '201': { content: { 'application/json': { schema: {} } } } },
      }),
    ).toEqual([]);
    expect(
      documentationGaps({ tags: ['x'], summary: 's', description: 'd', responses: { '204': {} } }),
    ).toEqual([]);
  });
});
