import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem, type ProblemBody } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { AdminQuestion, Question, QuestionSummary, Vote } from './schemas.js';

/** The fields named (a blank text breaks two rules of one field). */
const fields = (problem: ProblemBody) => [...new Set(errorPaths(problem))];

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterAll(() => t.close());

type Person = Awaited<ReturnType<TestApp['signUp']>>;

const ask = async (who: Person, title = 'How do I price a gift box?', body = 'I sell tea.') => {
  const res = await t.request('POST', '/api/academy/questions', { token: who.token, body: { title, body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Question>();
};
const answer = async (who: Person, questionId: string, body = 'Start from your cost.') => {
  const res = await t.request('POST', `/api/academy/questions/${questionId}/answers`, {
    token: who.token,
    body: { body },
  });
  expect(res.statusCode, res.body).toBe(201);
  const mine = res.json<Question>().answers.filter((a) => a.mine);
  return mine.at(-1)?.id as string;
};
const read = async (id: string, token?: string) => {
  const res = await t.request('GET', `/api/academy/questions/${id}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Question>();
};
const vote = (who: Person, answerId: string) =>
  t.request('PUT', `/api/academy/answers/${answerId}/vote`, { token: who.token });
const board = async (query = '', token?: string) => {
  const res = await t.request('GET', `/api/academy/questions${query}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: QuestionSummary[]; nextCursor: string | null }>();
};

describe('the Q&A board', () => {
  it('happy: ask, answer, vote and mark the best; answers read best first, then by votes', async () => {
    const asker = await t.signUp({ name: 'Chen Jie' });
    const first = await t.signUp({ name: '王芳' });
    const second = await t.signUp({ name: 'Li Na' });
    const voter = await t.signUp();
    const q = await ask(asker);
    expect(q).toMatchObject({
      title: 'How do I price a gift box?',
      body: 'I sell tea.',
      author: { name: 'Chen J.', initial: 'C' },
      mine: true,
      canMarkBest: true,
      bestAnswerId: null,
      answers: [],
    });
    const a1 = await answer(first, q.id, 'Cost plus 30%.');
    t.clock.advance(1000);
    const a2 = await answer(second, q.id, 'Look at what others charge.');
    expect((await vote(voter, a2)).json<Vote>()).toEqual({ answerId: a2, voted: true, votes: 1 });
    expect((await vote(first, a2)).json<Vote>()).toEqual({ answerId: a2, voted: true, votes: 2 });

    const seen = await read(q.id, voter.token);
    expect(seen.mine).toBe(false);
    expect(seen.canMarkBest).toBe(false);
    expect(seen.answers.map((a) => [a.id, a.votes, a.voted])).toEqual([
      [a2, 2, true],
      [a1, 0, false],
    ]);
    expect(seen.answers.map((a) => a.author.name)).toEqual(['Li N.', '王*']);
    expect(JSON.stringify(seen)).not.toContain(first.user.id);

    const marked = await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: asker.token,
      body: { answerId: a1 },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json<Question>()).toMatchObject({ bestAnswerId: a1 });
    expect(marked.json<Question>().answers.map((a) => [a.id, a.best])).toEqual([
      [a1, true],
      [a2, false],
    ]);
    // The operator may move the mark; null takes it away.
    const moved = await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: admin,
      body: { answerId: a2 },
    });
    expect(moved.json<Question>().bestAnswerId).toBe(a2);
    const cleared = await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: asker.token,
      body: { answerId: null },
    });
    expect(cleared.json<Question>().bestAnswerId).toBeNull();

    const listed = (await board()).items.find((x) => x.id === q.id);
    expect(listed).toMatchObject({
      answers: 2,
      hasBestAnswer: false,
      author: { name: 'Chen J.' },
      mine: false,
    });
  });

  it('happy: newest first, paged; `unanswered` keeps those without a visible answer', async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      ids.push((await ask(asker, `Paged ${i}`)).id);
    }
    await answer(helper, ids[1] as string);
    const page1 = await board('?limit=2');
    expect(page1.items.map((q) => q.id)).toEqual([ids[2], ids[1]]);
    const page2 = await board(`?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items[0]?.id).toBe(ids[0]);
    const open = (await board('?filter=unanswered&limit=100')).items.map((q) => q.id);
    expect(open).toContain(ids[0]);
    expect(open).toContain(ids[2]);
    expect(open).not.toContain(ids[1]);
    expect((await board('?limit=1', asker.token)).items[0]?.mine).toBe(true);
  });

  it(`counts a double vote once, also two at once, and withdraws it ${RACE}`, async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const voter = await t.signUp();
    const q = await ask(asker);
    const a = await answer(helper, q.id);
    const results = await Promise.all([vote(voter, a), vote(voter, a), vote(asker, a)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await read(q.id)).answers[0]?.votes).toBe(2);
    expect((await vote(voter, a)).json<Vote>().votes).toBe(2);
    const withdrawn = await t.request('DELETE', `/api/academy/answers/${a}/vote`, { token: voter.token });
    expect(withdrawn.json<Vote>()).toEqual({ answerId: a, voted: false, votes: 1 });
    const again = await t.request('DELETE', `/api/academy/answers/${a}/vote`, { token: voter.token });
    expect(again.json<Vote>()).toEqual({ answerId: a, voted: false, votes: 1 });
    expect((await read(q.id, voter.token)).answers[0]?.voted).toBe(false);
  });

  it('error: one’s own answer cannot be voted (422 academy_own_answer)', async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const q = await ask(asker);
    const a = await answer(helper, q.id);
    expect(expectProblem(await vote(helper, a), 422)).toMatchObject({
      reason: 'academy_own_answer',
      params: { answerId: a },
    });
    expect((await read(q.id)).answers[0]?.votes).toBe(0);
  });

  it('error: only the asker (or an operator) marks the best answer; an answer of another question is 404', async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const q = await ask(asker);
    const other = await ask(asker, 'Another one');
    const a = await answer(helper, q.id);
    const elsewhere = await answer(helper, other.id);
    const byHelper = await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: helper.token,
      body: { answerId: a },
    });
    expectProblem(byHelper, 404);
    const wrong = await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: asker.token,
      body: { answerId: elsewhere },
    });
    expectProblem(wrong, 404);
    expect((await read(q.id)).bestAnswerId).toBeNull();
  });

  it('security: only the author edits or deletes; others get 404 and nothing changes', async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const q = await ask(asker, 'Original title');
    const a = await answer(helper, q.id, 'Original answer');
    const attempts = [
      t.request('PATCH', `/api/academy/questions/${q.id}`, {
        token: helper.token,
        body: { title: 'Hacked' },
      }),
      t.request('DELETE', `/api/academy/questions/${q.id}`, { token: helper.token }),
      t.request('PATCH', `/api/academy/answers/${a}`, { token: asker.token, body: { body: 'Hacked' } }),
      t.request('DELETE', `/api/academy/answers/${a}`, { token: asker.token }),
    ];
    for (const res of await Promise.all(attempts)) expectProblem(res, 404);
    const same = await read(q.id);
    expect(same.title).toBe('Original title');
    expect(same.answers.map((x) => x.body)).toEqual(['Original answer']);

    const edited = await t.request('PATCH', `/api/academy/questions/${q.id}`, {
      token: asker.token,
      body: { title: 'Better title' },
    });
    expect(edited.json<Question>()).toMatchObject({ title: 'Better title', body: 'I sell tea.' });
    expect(edited.json<Question>().editedAt).not.toBeNull();
    const answerEdited = await t.request('PATCH', `/api/academy/answers/${a}`, {
      token: helper.token,
      body: { body: 'Edited answer' },
    });
    expect(answerEdited.json<Question>().answers[0]).toMatchObject({ body: 'Edited answer', mine: true });
    // Answered: the asker may not delete it (that would delete the helper's answer).
    expect(
      expectProblem(await t.request('DELETE', `/api/academy/questions/${q.id}`, { token: asker.token }), 409),
    ).toMatchObject({ reason: 'academy_question_answered', params: { answers: 1 } });
    expect((await t.request('DELETE', `/api/academy/answers/${a}`, { token: helper.token })).statusCode).toBe(
      204,
    );
    expect(
      (await t.request('DELETE', `/api/academy/questions/${q.id}`, { token: asker.token })).statusCode,
    ).toBe(204);
    expectProblem(await t.request('GET', `/api/academy/questions/${q.id}`), 404);
  });

  it('happy: deleting the best answer takes the mark away', async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const q = await ask(asker);
    const a = await answer(helper, q.id);
    await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: asker.token,
      body: { answerId: a },
    });
    await t.request('DELETE', `/api/academy/answers/${a}`, { token: helper.token });
    expect(await read(q.id)).toMatchObject({ bestAnswerId: null, answers: [] });
  });

  it('happy: the operator hides a question or an answer and shows it again', async () => {
    const asker = await t.signUp({ name: 'Zhou Min' });
    const helper = await t.signUp();
    const q = await ask(asker, 'Spam question');
    const a = await answer(helper, q.id, 'Spam answer');
    await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: asker.token,
      body: { answerId: a },
    });

    const hidA = await t.request('PUT', `/api/admin/academy/answers/${a}/hidden`, {
      token: admin,
      body: { hidden: true },
    });
    expect(hidA.statusCode, hidA.body).toBe(200);
    expect(hidA.json<AdminQuestion>().answers[0]).toMatchObject({ id: a, hidden: true });
    expect(await read(q.id)).toMatchObject({ answers: [], bestAnswerId: null });
    expectProblem(await vote(asker, a), 404);
    expectProblem(
      await t.request('PATCH', `/api/academy/answers/${a}`, { token: helper.token, body: { body: 'back' } }),
      404,
    );
    expect((await board('?filter=unanswered&limit=100')).items.map((x) => x.id)).toContain(q.id);

    const hidQ = await t.request('PUT', `/api/admin/academy/questions/${q.id}/hidden`, {
      token: admin,
      body: { hidden: true },
    });
    expect(hidQ.json<AdminQuestion>()).toMatchObject({ hidden: true, author: { name: 'Zhou Min' } });
    expectProblem(await t.request('GET', `/api/academy/questions/${q.id}`), 404);
    expect((await board('?limit=100')).items.map((x) => x.id)).not.toContain(q.id);
    expectProblem(
      await t.request('POST', `/api/academy/questions/${q.id}/answers`, {
        token: helper.token,
        body: { body: 'x' },
      }),
      404,
    );
    const moderation = await t.request('GET', '/api/admin/academy/questions?limit=100', { token: admin });
    expect(moderation.json<{ items: AdminQuestion[] }>().items.find((x) => x.id === q.id)).toMatchObject({
      hidden: true,
    });

    await t.request('PUT', `/api/admin/academy/questions/${q.id}/hidden`, {
      token: admin,
      body: { hidden: false },
    });
    await t.request('PUT', `/api/admin/academy/answers/${a}/hidden`, {
      token: admin,
      body: { hidden: false },
    });
    expect(await read(q.id)).toMatchObject({ bestAnswerId: a, answers: [{ id: a, best: true }] });
  });

  it('error: field errors for a blank title or answer, an unknown field and a bad filter', async () => {
    const asker = await t.signUp();
    const q = await ask(asker);
    const blank = await t.request('POST', '/api/academy/questions', {
      token: asker.token,
      body: { title: '  ' },
    });
    expect(fields(expectProblem(blank, 400))).toEqual(['/title']);
    const long = await t.request('POST', '/api/academy/questions', {
      token: asker.token,
      body: { title: 'ok', body: 'x'.repeat(5001) },
    });
    expect(fields(expectProblem(long, 400))).toEqual(['/body']);
    const empty = await t.request('POST', `/api/academy/questions/${q.id}/answers`, {
      token: asker.token,
      body: { body: '' },
    });
    expect(fields(expectProblem(empty, 400))).toEqual(['/body']);
    const extra = await t.request('POST', '/api/academy/questions', {
      token: asker.token,
      body: { title: 'ok', authorId: 'someone' },
    });
    expect(fields(expectProblem(extra, 400))).toEqual(['/authorId']);
    expectProblem(await t.request('GET', '/api/academy/questions?filter=popular'), 400);
    expectProblem(await t.request('GET', '/api/academy/questions?cursor=nonsense'), 400);
    const best = await t.request('POST', `/api/academy/questions/${q.id}/best-answer`, {
      token: asker.token,
      body: {},
    });
    expect(fields(expectProblem(best, 400))).toEqual(['/answerId']);
  });

  it('security: reading is public; asking, answering and voting need sign-in; a buyer is 403 on moderation', async () => {
    const asker = await t.signUp();
    const helper = await t.signUp();
    const q = await ask(asker);
    const a = await answer(helper, q.id);
    expect((await t.request('GET', `/api/academy/questions/${q.id}`)).statusCode).toBe(200);
    const anonymous = [
      t.request('POST', '/api/academy/questions', { body: { title: 'x' } }),
      t.request('POST', `/api/academy/questions/${q.id}/answers`, { body: { body: 'x' } }),
      t.request('PUT', `/api/academy/answers/${a}/vote`),
      t.request('DELETE', `/api/academy/answers/${a}/vote`),
      t.request('POST', `/api/academy/questions/${q.id}/best-answer`, { body: { answerId: a } }),
      t.request('PATCH', `/api/academy/questions/${q.id}`, { body: { title: 'x' } }),
    ];
    for (const res of await Promise.all(anonymous)) expectProblem(res, 401);
    const asBuyer = [
      t.request('GET', '/api/admin/academy/questions', { token: helper.token }),
      t.request('PUT', `/api/admin/academy/questions/${q.id}/hidden`, {
        token: helper.token,
        body: { hidden: true },
      }),
      t.request('PUT', `/api/admin/academy/answers/${a}/hidden`, {
        token: helper.token,
        body: { hidden: true },
      }),
    ];
    for (const res of await Promise.all(asBuyer)) expectProblem(res, 403);
    expect((await read(q.id)).answers).toHaveLength(1);
  });
});
