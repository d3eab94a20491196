import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });
const Instant = Type.String({ format: 'date-time' });
const Position = Type.Integer({ minimum: 0, maximum: 100_000 });

export const MAX_LESSON_BODY = 20_000;
export const MAX_POST_BODY = 5_000;

/**
 * An absolute https URL whose host carries no credentials (`user:pass@`) and no spaces. The
 * service also parses it as a URL, with the same field error when that fails.
 */
export const VIDEO_URL_PATTERN = '^https://[^/?#@\\s]+(?:[/?#]\\S*)?$';
const VideoUrl = Type.String({ maxLength: 500, pattern: VIDEO_URL_PATTERN });

// Operator's input ------------------------------------------------------------------------------

export const SectionBody = Type.Object(
  { title: NonBlankText(120), position: Type.Optional(Position) },
  { additionalProperties: false },
);
export const SectionPatch = Type.Object(
  { title: Type.Optional(NonBlankText(120)), position: Type.Optional(Position) },
  { additionalProperties: false },
);

const lessonFields = {
  sectionId: Id,
  title: NonBlankText(160),
  /** Plain text: paragraphs split by blank lines, shown as text (never HTML). */
  body: Type.String({ maxLength: MAX_LESSON_BODY }),
  videoUrl: Nullable(VideoUrl),
  minutes: Type.Integer({ minimum: 0, maximum: 600 }),
  position: Position,
  published: Type.Boolean(),
};

export const LessonBody = Type.Object(
  {
    sectionId: lessonFields.sectionId,
    title: lessonFields.title,
    body: lessonFields.body,
    videoUrl: Type.Optional(lessonFields.videoUrl),
    minutes: lessonFields.minutes,
    position: Type.Optional(lessonFields.position),
    published: Type.Optional(lessonFields.published),
  },
  { additionalProperties: false },
);
export const LessonPatch = Type.Partial(Type.Object(lessonFields), { additionalProperties: false });

// Q&A input ---------------------------------------------------------------------------------------

export const QuestionBody = Type.Object(
  { title: NonBlankText(160), body: Type.Optional(Type.String({ maxLength: MAX_POST_BODY })) },
  { additionalProperties: false },
);
export const QuestionPatch = Type.Object(
  {
    title: Type.Optional(NonBlankText(160)),
    body: Type.Optional(Type.String({ maxLength: MAX_POST_BODY })),
  },
  { additionalProperties: false },
);
export const AnswerBody = Type.Object({ body: NonBlankText(MAX_POST_BODY) }, { additionalProperties: false });
export const BestAnswerBody = Type.Object(
  { answerId: Nullable(Id) },
  { additionalProperties: false, description: '`null` takes the mark away.' },
);
export const HiddenBody = Type.Object({ hidden: Type.Boolean() }, { additionalProperties: false });

export const QuestionsQuery = Type.Object(
  {
    filter: Type.Optional(
      Type.Union([Type.Literal('newest'), Type.Literal('unanswered')], {
        default: 'newest',
        description: '`newest`: every question; `unanswered`: only those without a visible answer.',
      }),
    ),
    ...pageQuery,
  },
  { additionalProperties: false },
);

// Reading ------------------------------------------------------------------------------------------

/** Someone on the board as others see them: a masked name ("Chen J."), never their id. */
export const PersonSchema = Type.Object({ name: Type.String(), initial: Type.String() });

export const LessonSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  minutes: Type.Integer(),
  hasVideo: Type.Boolean(),
  /** When the viewer finished it; null when not (or signed out). */
  completedAt: Nullable(Instant),
});

export const SectionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  lessons: Type.Array(LessonSummarySchema),
});

export const AcademySchema = Type.Object({
  items: Type.Array(SectionSchema),
  nextCursor: Type.Null(),
  /** The viewer's finished published lessons of all published ones; null when signed out. */
  progress: Nullable(Type.Object({ completed: Type.Integer(), total: Type.Integer() })),
});

export const VideoSchema = Type.Object({
  url: Type.String(),
  /** `file`: plays in the page; `link`: opened outside it (third-party pages are never embedded). */
  kind: Type.Union([Type.Literal('file'), Type.Literal('link')]),
});

export const LessonSchema = Type.Object({
  id: Type.String(),
  sectionId: Type.String(),
  sectionTitle: Type.String(),
  title: Type.String(),
  body: Type.String(),
  video: Nullable(VideoSchema),
  minutes: Type.Integer(),
  published: Type.Boolean(),
  completedAt: Nullable(Instant),
  previousLessonId: Nullable(Type.String()),
  nextLessonId: Nullable(Type.String()),
});

export const CompletionSchema = Type.Object({ lessonId: Type.String(), completedAt: Instant });

export const QuestionSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  author: PersonSchema,
  mine: Type.Boolean(),
  createdAt: Instant,
  answers: Type.Integer(),
  hasBestAnswer: Type.Boolean(),
});
export const QuestionPage = Type.Object({
  items: Type.Array(QuestionSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const AnswerSchema = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: PersonSchema,
  mine: Type.Boolean(),
  createdAt: Instant,
  editedAt: Nullable(Instant),
  votes: Type.Integer(),
  /** Whether the viewer voted for it. */
  voted: Type.Boolean(),
  best: Type.Boolean(),
});

export const QuestionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  author: PersonSchema,
  mine: Type.Boolean(),
  createdAt: Instant,
  editedAt: Nullable(Instant),
  bestAnswerId: Nullable(Type.String()),
  /** Whether the viewer may mark the best answer (the asker, or an operator). */
  canMarkBest: Type.Boolean(),
  /** Best first, then most votes, then the earliest. */
  answers: Type.Array(AnswerSchema),
});

export const VoteSchema = Type.Object({
  answerId: Type.String(),
  voted: Type.Boolean(),
  votes: Type.Integer(),
});

// The operator's views ------------------------------------------------------------------------------

const FullPerson = Type.Object({ id: Type.String(), name: Type.String() });

export const AdminLessonSchema = Type.Object({
  id: Type.String(),
  sectionId: Type.String(),
  title: Type.String(),
  body: Type.String(),
  videoUrl: Nullable(Type.String()),
  minutes: Type.Integer(),
  position: Type.Integer(),
  published: Type.Boolean(),
  /** People who finished it. */
  completions: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const AdminSectionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  position: Type.Integer(),
  lessons: Type.Array(AdminLessonSchema),
});
export const AdminSections = Type.Object({ items: Type.Array(AdminSectionSchema), nextCursor: Type.Null() });

export const AdminAnswerSchema = Type.Object({
  id: Type.String(),
  questionId: Type.String(),
  body: Type.String(),
  author: FullPerson,
  hidden: Type.Boolean(),
  votes: Type.Integer(),
  createdAt: Instant,
});
export const AdminQuestionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  author: FullPerson,
  hidden: Type.Boolean(),
  bestAnswerId: Nullable(Type.String()),
  createdAt: Instant,
  answers: Type.Array(AdminAnswerSchema),
});
export const AdminQuestionPage = Type.Object({
  items: Type.Array(AdminQuestionSchema),
  nextCursor: Nullable(Type.String()),
});

export type Academy = Static<typeof AcademySchema>;
export type Lesson = Static<typeof LessonSchema>;
export type Completion = Static<typeof CompletionSchema>;
export type QuestionSummary = Static<typeof QuestionSummarySchema>;
export type Question = Static<typeof QuestionSchema>;
export type Answer = Static<typeof AnswerSchema>;
export type Vote = Static<typeof VoteSchema>;
export type AdminLesson = Static<typeof AdminLessonSchema>;
export type AdminSection = Static<typeof AdminSectionSchema>;
export type AdminQuestion = Static<typeof AdminQuestionSchema>;
export type AdminAnswer = Static<typeof AdminAnswerSchema>;
export type SectionInput = Static<typeof SectionBody>;
export type SectionChanges = Static<typeof SectionPatch>;
export type LessonInput = Static<typeof LessonBody>;
export type LessonChanges = Static<typeof LessonPatch>;
export type QuestionInput = Static<typeof QuestionBody>;
export type QuestionChanges = Static<typeof QuestionPatch>;
export type QuestionsFilter = Static<typeof QuestionsQuery>;
