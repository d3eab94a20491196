import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function signedInPage(token: string): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now, one line each. */
async function violations(on: Page): Promise<string[]> {
  await on.evaluate(AXE);
  const found = (await on.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<unknown> } }).axe;
    return ((await axe.run(document, { resultTypes: ['violations'] })) as { violations: unknown[] })
      .violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function publishedLessons(titles: string[]) {
  const { token } = await shop.t.signInAdmin();
  const section = await shop.t.request('POST', '/api/admin/academy/sections', {
    token,
    body: { title: 'Getting started' },
  });
  expect(section.statusCode, section.body).toBe(201);
  for (const title of titles) {
    const lesson = await shop.t.request('POST', '/api/admin/academy/lessons', {
      token,
      body: {
        sectionId: section.json<{ id: string }>().id,
        title,
        body: `${title}: the first paragraph.\n\nThe second <b>paragraph</b>.`,
        videoUrl: 'https://www.youtube.com/watch?v=academy',
        minutes: 4,
        published: true,
      },
    });
    expect(lesson.statusCode, lesson.body).toBe(201);
  }
}

describe('the academy on a phone', () => {
  it('finishes a lesson: the tick and the progress follow', async () => {
    await publishedLessons(['Open your store', 'Price your products']);
    const { token } = await shop.t.signUp({ name: 'Lin Xiaomei' });
    const page = await signedInPage(token);

    await page.goto('/academy');
    await expect.poll(() => page.getByTestId('academy-progress').textContent()).toContain('0 of 2');
    await page.getByTestId('academy-lesson').filter({ hasText: 'Price your products' }).click();
    await page.waitForURL(/\/academy\/lessons\//);
    const body = page.getByTestId('lesson-body');
    await expect.poll(() => body.locator('p').count()).toBe(2);
    // Markup in a lesson is text, never HTML.
    await expect(body.locator('b').count()).resolves.toBe(0);
    await expect(body.textContent()).resolves.toContain('<b>paragraph</b>');
    // A third-party video is a link opened outside the app, never an iframe.
    await expect(page.getByTestId('lesson-video-link').getAttribute('href')).resolves.toBe(
      'https://www.youtube.com/watch?v=academy',
    );
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await violations(page), 'the lesson page').toEqual([]);

    await page.getByTestId('lesson-finish').click();
    await page.getByTestId('lesson-done').waitFor();
    await page.goto('/academy');
    await expect.poll(() => page.getByTestId('academy-progress').textContent()).toContain('1 of 2');
    const finished = page.getByTestId('academy-lesson').filter({ hasText: 'Price your products' });
    await expect(finished.getAttribute('class')).resolves.toContain('academy-lesson-done');
    const open = page.getByTestId('academy-lesson').filter({ hasText: 'Open your store' });
    await expect(open.getAttribute('class')).resolves.not.toContain('academy-lesson-done');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await violations(page), 'the academy page').toEqual([]);
  });

  it('asks a question, another shopkeeper answers, the asker votes and marks the best answer', async () => {
    const asker = await shop.t.signUp({ name: 'Lin Xiaomei' });
    const helper = await shop.t.signUp({ name: 'Chen Jie' });
    const askerPage = await signedInPage(asker.token);
    await askerPage.goto('/academy/questions');
    await askerPage.getByTestId('ask-open').click();
    await askerPage.getByTestId('ask-title').fill('How many products should a new store show?');
    await askerPage.getByTestId('ask-body').fill('I picked twelve.');
    await askerPage.getByTestId('ask-submit').click();
    await askerPage.waitForURL(/\/academy\/questions\/[^/]+$/);
    await expect
      .poll(() => askerPage.getByTestId('question-title').textContent())
      .toBe('How many products should a new store show?');
    const questionUrl = new URL(askerPage.url()).pathname;

    const helperPage = await signedInPage(helper.token);
    await helperPage.goto('/academy/questions');
    await helperPage.getByTestId('question-row').filter({ hasText: 'How many products' }).click();
    await helperPage.getByTestId('answer-body').fill('Five is plenty at first.');
    await helperPage.getByTestId('answer-submit').click();
    const answer = helperPage.getByTestId('answer');
    await expect.poll(() => answer.count()).toBe(1);
    // One's own answer cannot be voted for.
    await expect(answer.getByTestId('answer-vote').isDisabled()).resolves.toBe(true);
    await expect(answer.textContent()).resolves.toContain('You');
    expect(await noSidewaysScroll(helperPage)).toBeLessThanOrEqual(0);

    await askerPage.goto(questionUrl);
    const seen = askerPage.getByTestId('answer');
    await expect.poll(() => seen.textContent()).toContain('Chen J.');
    await seen.getByTestId('answer-vote').click();
    await expect.poll(() => seen.getByTestId('answer-vote').textContent()).toContain('1 vote');
    await seen.getByTestId('answer-mark-best').click();
    await seen.getByTestId('answer-best').waitFor();
    expect(await violations(askerPage), 'the question page').toEqual([]);

    await askerPage.goto('/academy/questions');
    const row = askerPage.getByTestId('question-row').filter({ hasText: 'How many products' });
    await expect.poll(() => row.textContent()).toContain('Solved');
    expect(await noSidewaysScroll(askerPage)).toBeLessThanOrEqual(0);
  });

  it('the author edits and deletes their own answer and question; others see no such buttons', async () => {
    const asker = await shop.t.signUp({ name: 'Zhou Min' });
    const helper = await shop.t.signUp({ name: 'Wu Hao' });
    const asked = await shop.t.request('POST', '/api/academy/questions', {
      token: asker.token,
      body: { title: 'Do posters sell better than links?', body: '' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json<{ id: string }>().id;

    const helperPage = await signedInPage(helper.token);
    await helperPage.goto(`/academy/questions/${id}`);
    await helperPage.getByTestId('answer-body').fill('Posters, in my shop.');
    await helperPage.getByTestId('answer-submit').click();
    const answer = helperPage.getByTestId('answer');
    await expect.poll(() => answer.count()).toBe(1);
    await expect.poll(() => helperPage.getByTestId('question-edit').count()).toBe(0);
    await answer.getByTestId('answer-edit').click();
    await helperPage.getByTestId('answer-editor-body').fill('Posters, twice as often.');
    await helperPage.getByTestId('answer-editor-save').click();
    // The editor's own text would match too: wait until it has closed on the saved answer.
    await expect.poll(() => helperPage.getByTestId('answer-editor').count()).toBe(0);
    await expect.poll(() => answer.textContent()).toContain('Posters, twice as often.');
    await expect(answer.textContent()).resolves.toContain('edited');

    // The asker cannot delete a question somebody answered, and cannot edit the answer.
    const askerPage = await signedInPage(asker.token);
    await askerPage.goto(`/academy/questions/${id}`);
    await expect.poll(() => askerPage.getByTestId('answer').textContent()).toContain('twice as often');
    await expect(askerPage.getByTestId('question-delete').isDisabled()).resolves.toBe(true);
    await expect(askerPage.getByTestId('answer-edit').count()).resolves.toBe(0);
    await askerPage.getByTestId('question-edit').click();
    await askerPage.getByTestId('question-editor-title').fill('Do posters sell better than plain links?');
    await askerPage.getByTestId('question-editor-save').click();
    await expect
      .poll(() => askerPage.getByTestId('question-title').textContent())
      .toBe('Do posters sell better than plain links?');

    // Once the answer is deleted, the question can go too.
    await helperPage.reload();
    await helperPage.getByTestId('answer-delete').click();
    await helperPage.getByTestId('answer-delete-confirm-ok').click();
    await expect.poll(() => helperPage.getByTestId('answer').count()).toBe(0);
    await askerPage.reload();
    await expect.poll(() => askerPage.getByTestId('question-delete').isDisabled()).toBe(false);
    await askerPage.getByTestId('question-delete').click();
    await askerPage.getByTestId('question-delete-confirm-ok').click();
    await askerPage.waitForURL(/\/academy\/questions$/);
    const gone = await shop.t.request('GET', `/api/academy/questions/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(await violations(askerPage), 'the board after a deletion').toEqual([]);
  });

  it('the operator writes and publishes a lesson in the console, and hides a question', async () => {
    const asker = await shop.t.signUp({ name: 'Zhao Lei' });
    const spam = await shop.t.request('POST', '/api/academy/questions', {
      token: asker.token,
      body: { title: 'Cheap followers here' },
    });
    expect(spam.statusCode, spam.body).toBe(201);
    const admin = await signedInPage((await shop.t.signInAdmin()).token);
    await admin.goto('/admin/academy');
    await admin.getByTestId('section-title').fill('Console section');
    await admin.getByTestId('section-add').click();
    const section = admin.getByTestId('admin-academy-section').filter({ hasText: 'Console section' });
    await section.getByTestId('admin-add-lesson').click();
    await section.getByTestId('lesson-title').fill('Written in the console');
    await section.getByTestId('lesson-body-input').fill('First.\n\nSecond.');
    await section.getByTestId('lesson-video-url').fill('http://insecure.example.com/v.mp4');
    await section.getByTestId('lesson-published').check();
    await section.getByTestId('lesson-save').click();
    await section.getByTestId('error-videoUrl').waitFor();
    await section.getByTestId('lesson-video-url').fill('https://media.example.com/v.mp4');
    await section.getByTestId('lesson-save').click();
    await expect.poll(() => section.getByTestId('admin-academy-lesson').count()).toBe(1);
    expect(await noSidewaysScroll(admin)).toBeLessThanOrEqual(0);
    expect(await violations(admin), 'the console’s lessons').toEqual([]);

    await admin.getByTestId('admin-academy-tab-questions').click();
    const row = admin.getByTestId('admin-academy-question').filter({ hasText: 'Cheap followers here' });
    await row.getByTestId('admin-hide-question').click();
    await expect.poll(() => row.textContent()).toContain('Hidden');
    expect(await noSidewaysScroll(admin)).toBeLessThanOrEqual(0);

    const reader = await openPage(browser, shop.baseUrl);
    await reader.goto('/academy');
    await reader.getByTestId('academy-lesson').filter({ hasText: 'Written in the console' }).waitFor();
    await reader.goto('/academy/questions');
    await reader.getByTestId('question-row').first().waitFor();
    await expect(reader.getByTestId('questions-page').textContent()).resolves.not.toContain(
      'Cheap followers',
    );
  });
});
