import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem, type ProblemBody } from '../../../test/support/problem.js';
import { describeOnPostgres, POSTGRES_ONLY, RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Academy, AdminLesson, AdminSection, Completion, Lesson } from './schemas.js';

/** The fields named (a blank text breaks two rules of one field). */
const fields = (problem: ProblemBody) => [...new Set(errorPaths(problem))];

let t: TestApp;
let admin: string;
const completed: { userId: string; lessonId: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example.com' });
  admin = (await t.signInAdmin()).token;
  // Counts every publication of the event, inside the publisher's transaction.
  t.services.events.subscribe('lesson.completed', async (_tx, event) => {
    completed.push(event);
  });
});
afterAll(() => t.close());

const section = async (title: string, body: Record<string, unknown> = {}) => {
  const res = await t.request('POST', '/api/admin/academy/sections', {
    token: admin,
    body: { title, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminSection>();
};
const lesson = async (sectionId: string, body: Record<string, unknown> = {}) => {
  const res = await t.request('POST', '/api/admin/academy/lessons', {
    token: admin,
    body: {
      sectionId,
      title: 'Pricing your first product',
      body: 'One.\n\nTwo.',
      minutes: 5,
      published: true,
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminLesson>();
};
const overview = async (token?: string) => {
  const res = await t.request('GET', '/api/academy', { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Academy>();
};
const finish = (token: string, id: string) =>
  t.request('POST', `/api/me/academy/lessons/${id}/completion`, { token });
const eventsFor = (userId: string) => completed.filter((e) => e.userId === userId);

describe('lessons', () => {
  it('happy: the operator builds sections and lessons; readers see the published ones in order', async () => {
    const basics = await section('Academy basics', { position: 0 });
    const selling = await section('Selling more', { position: 1 });
    const second = await lesson(basics.id, { title: 'Second', position: 2 });
    const first = await lesson(basics.id, {
      title: 'First',
      position: 1,
      videoUrl: 'https://shop.example.com/v/a.mp4',
    });
    const draft = await lesson(basics.id, { title: 'Draft', published: false });
    await lesson(selling.id, { title: 'Share links', videoUrl: 'https://www.youtube.com/watch?v=x' });
    await section('Empty section');

    const read = await overview();
    expect(read.progress).toBeNull();
    const mine = read.items.filter((s) => [basics.id, selling.id].includes(s.id));
    expect(mine.map((s) => s.title)).toEqual(['Academy basics', 'Selling more']);
    expect(read.items.some((s) => s.title === 'Empty section')).toBe(false);
    expect(mine[0]?.lessons.map((l) => l.title)).toEqual(['First', 'Second']);
    expect(mine[0]?.lessons[0]).toMatchObject({ minutes: 5, hasVideo: true, completedAt: null });

    const page = await t.request('GET', `/api/academy/lessons/${first.id}`);
    expect(page.json<Lesson>()).toMatchObject({
      title: 'First',
      body: 'One.\n\nTwo.',
      sectionTitle: 'Academy basics',
      video: { url: 'https://shop.example.com/v/a.mp4', kind: 'file' },
      nextLessonId: second.id,
      previousLessonId: null,
      completedAt: null,
    });
    const shareLinks = mine[1]?.lessons[0]?.id as string;
    const linked = (await t.request('GET', `/api/academy/lessons/${shareLinks}`)).json<Lesson>();
    expect(linked.video).toEqual({ url: 'https://www.youtube.com/watch?v=x', kind: 'link' });
    expect(linked.previousLessonId).toBe(second.id);

    const editor = (await t.request('GET', '/api/admin/academy/sections', { token: admin })).json<{
      items: AdminSection[];
    }>();
    const basicsInEditor = editor.items.find((s) => s.id === basics.id);
    expect(basicsInEditor?.lessons.map((l) => l.title)).toEqual(['First', 'Second', 'Draft']);
    expect(draft.published).toBe(false);
  });

  it('error: an unpublished lesson is 404 to readers and finishers, and an operator may preview it', async () => {
    const s = await section('Drafts');
    const draft = await lesson(s.id, { published: false });
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', `/api/academy/lessons/${draft.id}`), 404);
    expectProblem(await t.request('GET', `/api/academy/lessons/${draft.id}`, { token: buyer.token }), 404);
    expectProblem(await finish(buyer.token, draft.id), 404);
    expectProblem(await finish(buyer.token, 'no-such-lesson'), 404);
    const preview = await t.request('GET', `/api/academy/lessons/${draft.id}`, { token: admin });
    expect(preview.statusCode).toBe(200);
    expect(preview.json<Lesson>()).toMatchObject({ published: false, nextLessonId: null });
    expect(eventsFor(buyer.user.id)).toEqual([]);
  });

  it('happy: finishing is idempotent: 201 and one lesson.completed, then 200 with the same completion', async () => {
    const s = await section('Finishing');
    const a = await lesson(s.id);
    const b = await lesson(s.id);
    const { token, user } = await t.signUp();
    const before = (await overview(token)).progress as { completed: number; total: number };
    const first = await finish(token, a.id);
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(60_000);
    const again = await finish(token, a.id);
    expect(again.statusCode).toBe(200);
    expect(again.json<Completion>()).toEqual(first.json<Completion>());
    expect(eventsFor(user.id)).toEqual([{ userId: user.id, lessonId: a.id }]);

    const read = await overview(token);
    expect(read.progress).toEqual({ completed: before.completed + 1, total: before.total });
    const lessons = read.items.find((x) => x.id === s.id)?.lessons ?? [];
    expect(lessons.map((l) => l.completedAt !== null)).toEqual([true, false]);
    expect(
      (await t.request('GET', `/api/academy/lessons/${a.id}`, { token })).json<Lesson>().completedAt,
    ).toBe(first.json<Completion>().completedAt);
    expect(
      (await t.request('GET', `/api/academy/lessons/${b.id}`, { token })).json<Lesson>().completedAt,
    ).toBe(null);
    // Unpublishing keeps the completion (tasks already counted it); the lesson leaves the count.
    await t.request('PATCH', `/api/admin/academy/lessons/${a.id}`, {
      token: admin,
      body: { published: false },
    });
    expect((await overview(token)).progress).toEqual({
      completed: before.completed,
      total: before.total - 1,
    });
    expectProblem(await t.request('DELETE', `/api/admin/academy/lessons/${a.id}`, { token: admin }), 409);
  });

  it(`counts a lesson finished twice at once as one completion and one event ${RACE}`, async () => {
    const s = await section('Racing');
    const a = await lesson(s.id);
    const { token, user } = await t.signUp();
    const results = await Promise.all([finish(token, a.id), finish(token, a.id), finish(token, a.id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json<Completion>().completedAt)).size).toBe(1);
    expect(eventsFor(user.id)).toHaveLength(1);
  });

  it('happy: the operator renames, moves, unpublishes and deletes', async () => {
    const from = await section('From');
    const to = await section('To');
    const a = await lesson(from.id, { videoUrl: 'https://cdn.example.com/a.mp4' });
    const moved = await t.request('PATCH', `/api/admin/academy/lessons/${a.id}`, {
      token: admin,
      body: { sectionId: to.id, title: 'Moved', videoUrl: null, minutes: 12 },
    });
    expect(moved.json<AdminLesson>()).toMatchObject({
      sectionId: to.id,
      title: 'Moved',
      videoUrl: null,
      minutes: 12,
    });
    const renamed = await t.request('PATCH', `/api/admin/academy/sections/${from.id}`, {
      token: admin,
      body: { title: 'Renamed', position: 99 },
    });
    expect(renamed.json<AdminSection>()).toMatchObject({ title: 'Renamed', position: 99, lessons: [] });
    expect(
      expectProblem(await t.request('DELETE', `/api/admin/academy/sections/${to.id}`, { token: admin }), 409),
    ).toMatchObject({ reason: 'academy_section_not_empty', params: { lessons: 1 } });
    expect(
      (await t.request('DELETE', `/api/admin/academy/lessons/${a.id}`, { token: admin })).statusCode,
    ).toBe(204);
    expect(
      (await t.request('DELETE', `/api/admin/academy/sections/${to.id}`, { token: admin })).statusCode,
    ).toBe(204);
    expect(
      (await t.request('DELETE', `/api/admin/academy/sections/${from.id}`, { token: admin })).statusCode,
    ).toBe(204);
    expectProblem(await t.request('GET', `/api/admin/academy/lessons/${a.id}`, { token: admin }), 404);
    expectProblem(
      await t.request('POST', '/api/admin/academy/lessons', {
        token: admin,
        body: { sectionId: to.id, title: 'Orphan', body: '', minutes: 1 },
      }),
      404,
    );
  });

  it('error: field errors for a bad video URL, a blank title, minutes out of range and unknown fields', async () => {
    const s = await section('Validation');
    const bad = (body: Record<string, unknown>) =>
      t.request('POST', '/api/admin/academy/lessons', {
        token: admin,
        body: { sectionId: s.id, title: 'T', body: '', minutes: 3, ...body },
      });
    for (const videoUrl of [
      'http://example.com/a.mp4',
      'javascript:alert(1)',
      'https://user:pw@example.com/a.mp4',
      'https://exa mple.com/a.mp4',
      'ftp://example.com/a.mp4',
    ])
      expect(new Set(fields(expectProblem(await bad({ videoUrl }), 400))), videoUrl).toEqual(
        new Set(['/videoUrl']),
      );
    expect(fields(expectProblem(await bad({ title: '   ' }), 400))).toEqual(['/title']);
    expect(fields(expectProblem(await bad({ minutes: -1 }), 400))).toEqual(['/minutes']);
    expect(fields(expectProblem(await bad({ html: '<b>' }), 400))).toEqual(['/html']);
    const section400 = await t.request('POST', '/api/admin/academy/sections', {
      token: admin,
      body: { title: '' },
    });
    expect(fields(expectProblem(section400, 400))).toEqual(['/title']);
    const created = await lesson(s.id);
    const patchExtra = await t.request('PATCH', `/api/admin/academy/lessons/${created.id}`, {
      token: admin,
      body: { completions: 99 },
    });
    expect(fields(expectProblem(patchExtra, 400))).toEqual(['/completions']);
    const patchVideo = await t.request('PATCH', `/api/admin/academy/lessons/${created.id}`, {
      token: admin,
      body: { videoUrl: 'http://example.com/v.mp4' },
    });
    expect(fields(expectProblem(patchVideo, 400))).toEqual(['/videoUrl']);
    // Text is kept as typed (rendered as text, never HTML).
    const html = await lesson(s.id, { body: '<script>alert(1)</script>' });
    expect(html.body).toBe('<script>alert(1)</script>');
  });

  it('security: no token is 401 on completion and the editor; a buyer is 403 on every admin route', async () => {
    const s = await section('Security');
    const a = await lesson(s.id);
    const buyer = await t.signUp();
    expectProblem(await t.request('POST', `/api/me/academy/lessons/${a.id}/completion`), 401);
    expectProblem(await t.request('GET', '/api/admin/academy/sections'), 401);
    const attempts = [
      t.request('GET', '/api/admin/academy/sections', { token: buyer.token }),
      t.request('POST', '/api/admin/academy/sections', { token: buyer.token, body: { title: 'Mine' } }),
      t.request('PATCH', `/api/admin/academy/sections/${s.id}`, { token: buyer.token, body: { title: 'x' } }),
      t.request('DELETE', `/api/admin/academy/sections/${s.id}`, { token: buyer.token }),
      t.request('GET', `/api/admin/academy/lessons/${a.id}`, { token: buyer.token }),
      t.request('POST', '/api/admin/academy/lessons', {
        token: buyer.token,
        body: { sectionId: s.id, title: 'x', body: '', minutes: 1 },
      }),
      t.request('PATCH', `/api/admin/academy/lessons/${a.id}`, {
        token: buyer.token,
        body: { published: false },
      }),
      t.request('DELETE', `/api/admin/academy/lessons/${a.id}`, { token: buyer.token }),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 403);
    expect((await t.request('GET', `/api/academy/lessons/${a.id}`)).json<Lesson>().title).toBe(a.title);
  });
});

describeOnPostgres(`lessons racing the editor ${POSTGRES_ONLY}`, () => {
  it('a lesson added while its section is deleted: one of the two wins, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await section(`Race ${round}`);
      const [added, deleted] = await Promise.all([
        t.request('POST', '/api/admin/academy/lessons', {
          token: admin,
          body: { sectionId: s.id, title: 'Racing', body: '', minutes: 1 },
        }),
        t.request('DELETE', `/api/admin/academy/sections/${s.id}`, { token: admin }),
      ]);
      expect([201, 404], added.body).toContain(added.statusCode);
      expect([204, 409], deleted.body).toContain(deleted.statusCode);
      expect(added.statusCode === 201).toBe(deleted.statusCode === 409);
    }
  });

  it('a lesson finished while it is deleted: finished and kept, or deleted and 404, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await section(`Finish race ${round}`);
      const a = await lesson(s.id);
      const { token } = await t.signUp();
      const [finished, deleted] = await Promise.all([
        finish(token, a.id),
        t.request('DELETE', `/api/admin/academy/lessons/${a.id}`, { token: admin }),
      ]);
      expect([201, 404], finished.body).toContain(finished.statusCode);
      expect([204, 409], deleted.body).toContain(deleted.statusCode);
      expect(finished.statusCode === 201).toBe(deleted.statusCode === 409);
    }
  });
});
