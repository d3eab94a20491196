import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the academy refuses: each a name the web words, with its numbers. */
export const academyReasons = defineReasons({
  academy_own_answer: {
    code: 'business_rule',
    params: Type.Object({ answerId: Type.String() }),
    description: 'A person cannot vote for their own answer.',
  },
  academy_question_answered: {
    code: 'conflict',
    params: Type.Object({ answers: Type.Integer() }),
    description:
      'The question has `answers` answers by other people, so it can no longer be deleted (it can still be edited).',
  },
  academy_section_not_empty: {
    code: 'conflict',
    params: Type.Object({ lessons: Type.Integer() }),
    description: 'The section still holds `lessons` lessons; move or delete them first.',
  },
  academy_lesson_completed: {
    code: 'conflict',
    params: Type.Object({ completions: Type.Integer() }),
    description:
      '`completions` people finished the lesson, and tasks and honours counted it: unpublish it instead of deleting it.',
  },
});

export const refuse = refusalsOf(academyReasons);
