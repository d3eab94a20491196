import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerOrder,
  byPosition,
  mayDeleteQuestion,
  mayMarkBest,
  normalizedText,
  progressOf,
  type RankedAnswer,
  sortAnswers,
  videoKindOf,
  videoUrlProblem,
  voteRefusal,
} from './rules.js';

const answer = fc.record({
  id: fc.uuid(),
  votes: fc.nat({ max: 5 }),
  createdAt: fc.integer({ min: 0, max: 10 }).map((n) => new Date(1_700_000_000_000 + n * 1000)),
});
const answers = fc.uniqueArray(answer, { selector: (a) => a.id, maxLength: 12 });

describe('answer order', () => {
  it('puts the best answer first, then most votes, then the earliest', () => {
    const at = (s: number) => new Date(1_700_000_000_000 + s * 1000);
    const list: RankedAnswer[] = [
      { id: 'a', votes: 1, createdAt: at(1) },
      { id: 'b', votes: 5, createdAt: at(2) },
      { id: 'c', votes: 5, createdAt: at(0) },
      { id: 'd', votes: 0, createdAt: at(3) },
    ];
    expect(sortAnswers(list, 'd').map((a) => a.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortAnswers(list, null).map((a) => a.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('is total: the order does not depend on the order answers arrive in', () => {
    const listAndShuffle = answers.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        fc.option(fc.constantFrom(...list.map((a) => a.id), 'not-an-answer')),
      ),
    );
    fc.assert(
      fc.property(listAndShuffle, ([list, shuffled, best]) => {
        expect(sortAnswers(shuffled, best)).toEqual(sortAnswers(list, best));
      }),
    );
  });

  it('is antisymmetric and ties only an answer with itself', () => {
    fc.assert(
      fc.property(answer, answer, fc.option(fc.uuid()), (a, b, best) => {
        const compare = answerOrder(best);
        expect(Math.sign(compare(a, b))).toBe(-Math.sign(compare(b, a)));
        if (a.id !== b.id) expect(compare(a, b)).not.toBe(0);
      }),
    );
  });

  it('keeps the best first and votes non-increasing after it', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (list, at) => {
        fc.pre(list.length > 0);
        const best = (list[at % list.length] as RankedAnswer).id;
        const sorted = sortAnswers(list, best);
        expect(sorted[0]?.id).toBe(best);
        const rest = sorted.slice(1);
        for (let i = 1; i < rest.length; i++)
          expect((rest[i - 1] as RankedAnswer).votes).toBeGreaterThanOrEqual((rest[i] as RankedAnswer).votes);
        expect(sorted).toHaveLength(list.length);
      }),
    );
  });
});

describe('who may do what on the board', () => {
  it('the asker or an operator marks the best answer; nobody else, and never a stranger signed out', () => {
    expect(mayMarkBest({ id: 'asker', isAdmin: false }, 'asker')).toBe(true);
    expect(mayMarkBest({ id: 'op', isAdmin: true }, 'asker')).toBe(true);
    expect(mayMarkBest({ id: 'other', isAdmin: false }, 'asker')).toBe(false);
    expect(mayMarkBest(null, 'asker')).toBe(false);
  });

  it('refuses a vote for one’s own answer only', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (voter, author) => {
        expect(voteRefusal(voter, author)).toBe(voter === author ? 'own_answer' : undefined);
      }),
    );
    expect(voteRefusal('me', 'me')).toBe('own_answer');
  });

  it('lets a question be deleted only while unanswered', () => {
    expect(mayDeleteQuestion(0)).toBe(true);
    expect(mayDeleteQuestion(1)).toBe(false);
  });
});

describe('lessons', () => {
  it('orders by position, then the older, then by id', () => {
    const at = new Date(0);
    const later = new Date(1000);
    const list = [
      { id: 'b', position: 1, createdAt: at },
      { id: 'a', position: 1, createdAt: at },
      { id: 'c', position: 0, createdAt: later },
      { id: 'd', position: 1, createdAt: new Date(-1) },
    ];
    expect([...list].sort(byPosition).map((x) => x.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('counts progress over published lessons only', () => {
    expect(progressOf(['a', 'b', 'c'], new Set(['a', 'c', 'gone']))).toEqual({ completed: 2, total: 3 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid()), fc.array(fc.uuid()), (published, finished) => {
        const p = progressOf(published, new Set(finished));
        expect(p.completed).toBeLessThanOrEqual(p.total);
        expect(p.total).toBe(published.length);
      }),
    );
  });

  it('accepts https video URLs without credentials only', () => {
    expect(videoUrlProblem('https://media.example.com/a.mp4')).toBeUndefined();
    expect(videoUrlProblem('http://media.example.com/a.mp4')).toBe('https');
    expect(videoUrlProblem('javascript:alert(1)')).toBe('https');
    expect(videoUrlProblem('not a url')).toBe('https');
    expect(videoUrlProblem('https://user:secret@example.com/a.mp4')).toBe('credentials');
  });

  it('plays only video files of the shop’s own origin in the page; everything else is a link', () => {
    const shop = 'https://shop.example.com';
    expect(videoKindOf('https://shop.example.com/media/intro.mp4', shop)).toBe('file');
    expect(videoKindOf('https://shop.example.com/media/intro.MP4?v=2', shop)).toBe('file');
    expect(videoKindOf('https://cdn.example.com/intro.mp4', shop)).toBe('link');
    expect(videoKindOf('https://www.youtube.com/watch?v=abc', shop)).toBe('link');
    expect(videoKindOf('https://shop.example.com/lesson', shop)).toBe('link');
    expect(videoKindOf('https://shop.example.com/media/intro.mp4', undefined)).toBe('link');
  });

  it('stores text with one kind of line ending and no blank edges', () => {
    expect(normalizedText('  \r\nFirst line  \r\nsecond\r\n\r\n\r\nThird\n  ')).toBe(
      'First line\nsecond\n\n\nThird',
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normalizedText(text);
        expect(normalizedText(once)).toBe(once);
        expect(once.includes('\r')).toBe(false);
      }),
    );
  });
});
