import type { Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

/**
 * The web app words every refusal from its `reason` in the reader's language; the server's English
 * `detail` (and a validator's field message) must never reach the page, in any flow of any test.
 * `openPage` watches each page: after every problem+json answer it looks at the page a moment later,
 * and this file's `afterEach` fails the test that showed server prose. Loaded as a setup file of
 * the e2e project.
 */
const checks: Promise<string | null>[] = [];

const SETTLE_MS = 800;

async function shownLater(page: Page, texts: string[]): Promise<string | null> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  if (page.isClosed()) return null;
  const body = await page
    .locator('body')
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, not hidden nodes' text
    .innerText()
    .catch(() => '');
  return texts.find((text) => body.includes(text)) ?? null;
}

/** The app's own English texts: a server detail that equals one ("Product not found") is not a leak. */
const appTexts = new Set<string>();
// Loaded by path: the web's sources resolve like a bundler's, which the server's type check does not follow.
const { en } = (await import(new URL('../../../web/src/i18n/en.ts', import.meta.url).href)) as { en: object };
(function collect(node: unknown) {
  if (typeof node === 'string') appTexts.add(node);
  else if (node && typeof node === 'object') Object.values(node).forEach(collect);
})(en);

/** The prose of a problem that a person must not see: the detail, and validator messages. */
function proseOf(problem: { detail?: unknown; errors?: { message?: unknown }[] }): string[] {
  const texts: string[] = [];
  if (typeof problem.detail === 'string' && problem.detail.length > 0) texts.push(problem.detail);
  for (const error of problem.errors ?? []) {
    // Field messages such as "must NOT have fewer than 1 characters"; short ones could match the app's own words.
    if (typeof error.message === 'string' && /\bmust\b/.test(error.message)) texts.push(error.message);
  }
  return texts.filter((text) => !appTexts.has(text));
}

export function watchForServerProse(page: Page) {
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('application/problem+json')) return;
    checks.push(
      response
        .json()
        .then((problem) => {
          const texts = proseOf(problem as Parameters<typeof proseOf>[0]);
          return texts.length > 0 ? shownLater(page, texts) : null;
        })
        .catch(() => null),
    );
  });
}

afterEach(async () => {
  const shown = (await Promise.all(checks.splice(0))).filter((text) => text !== null);
  expect(shown, 'the page showed the server’s English prose instead of a worded reason').toEqual([]);
});
