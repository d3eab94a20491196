import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  byPosition,
  normalizedText,
  progressOf,
  type Viewer,
  videoKindOf,
  videoUrlProblem,
} from './rules.js';
import type {
  Academy,
  AdminLesson,
  AdminSection,
  Completion,
  Lesson,
  LessonChanges,
  LessonInput,
  SectionChanges,
  SectionInput,
} from './schemas.js';

const placed = (row: { id: string; position: number; created_at: Date }) => ({
  id: row.id,
  position: row.position,
  createdAt: row.created_at,
});

/** Rows in the operator's order (the SQL orders them too; this keeps the rule in one place). */
const inOrder = <R extends { id: string; position: number; created_at: Date }>(rows: readonly R[]) =>
  [...rows].sort((a, b) => byPosition(placed(a), placed(b)));

const presentAdminLesson = (row: q.LessonRow, completions: number): AdminLesson => ({
  id: row.id,
  sectionId: row.section_id,
  title: row.title,
  body: row.body,
  videoUrl: row.video_url,
  minutes: row.minutes,
  position: row.position,
  published: row.published,
  completions,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** A video URL the schema's pattern let through must also parse as one. */
function checkedVideoUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (videoUrlProblem(url))
    throw invalidInput('/videoUrl', 'must be an https URL without credentials', 'pattern');
  return url;
}

export function createLessons(deps: {
  db: Database;
  clock: Clock;
  events: EventBus;
  publicUrl: string | undefined;
}) {
  const { db, clock, events, publicUrl } = deps;

  /** The published lessons in reading order: section by section, each in its own order. */
  async function readingOrder() {
    const [sections, lessons] = await Promise.all([q.sections(db), q.lessons(db, true)]);
    const ordered = inOrder(sections).map((section) => ({
      section,
      lessons: inOrder(lessons.filter((l) => l.section_id === section.id)),
    }));
    return ordered.filter((s) => s.lessons.length > 0);
  }

  /** Sections with their published lessons; signed in, the viewer's completions and progress. */
  async function overview(viewer: Viewer | null): Promise<Academy> {
    const sections = await readingOrder();
    const finished = viewer ? await q.completionsOf(db, viewer.id) : new Map<string, Date>();
    const published = sections.flatMap((s) => s.lessons.map((l) => l.id));
    return {
      items: sections.map(({ section, lessons }) => ({
        id: section.id,
        title: section.title,
        lessons: lessons.map((l) => ({
          id: l.id,
          title: l.title,
          minutes: l.minutes,
          hasVideo: l.video_url !== null,
          completedAt: finished.get(l.id)?.toISOString() ?? null,
        })),
      })),
      nextCursor: null,
      progress: viewer ? progressOf(published, new Set(finished.keys())) : null,
    };
  }

  /** A lesson to read; an unpublished one only for an operator (a preview), 404 to anyone else. */
  async function lesson(viewer: Viewer | null, id: string): Promise<Lesson> {
    const row = await q.findLesson(db, id);
    if (!row || (!row.published && !viewer?.isAdmin)) throw notFound('Lesson');
    const section = (await q.findSection(db, row.section_id)) as q.SectionRow;
    const sequence = (await readingOrder()).flatMap((s) => s.lessons.map((l) => l.id));
    const at = sequence.indexOf(row.id);
    const completedAt = viewer ? ((await q.completionsOf(db, viewer.id)).get(row.id) ?? null) : null;
    return {
      id: row.id,
      sectionId: row.section_id,
      sectionTitle: section.title,
      title: row.title,
      body: row.body,
      video: row.video_url ? { url: row.video_url, kind: videoKindOf(row.video_url, publicUrl) } : null,
      minutes: row.minutes,
      published: row.published,
      completedAt: completedAt?.toISOString() ?? null,
      previousLessonId: at > 0 ? (sequence[at - 1] ?? null) : null,
      nextLessonId: at >= 0 ? (sequence[at + 1] ?? null) : null,
    };
  }

  /**
   * Marks a published lesson finished. The first time publishes `lesson.completed` in the same
   * transaction (tasks, honours and levels count it); again it answers the same completion.
   */
  async function complete(userId: string, lessonId: string): Promise<Completion & { created: boolean }> {
    return db.transaction(async (tx) => {
      const row = await q.lockLesson(tx, lessonId, 'KEY SHARE');
      if (!row?.published) throw notFound('Lesson');
      const done = await q.complete(tx, userId, lessonId, clock.now());
      if (done.created) await events.publish(tx, 'lesson.completed', { userId, lessonId });
      return { lessonId, completedAt: done.completedAt.toISOString(), created: done.created };
    });
  }

  // The operator's editor ---------------------------------------------------------------------------

  async function adminSections(): Promise<{ items: AdminSection[]; nextCursor: null }> {
    const [sections, lessons, counts] = await Promise.all([
      q.sections(db),
      q.lessons(db, false),
      q.completionCounts(db),
    ]);
    return {
      items: inOrder(sections).map((s) => ({
        id: s.id,
        title: s.title,
        position: s.position,
        lessons: inOrder(lessons.filter((l) => l.section_id === s.id)).map((l) =>
          presentAdminLesson(l, counts.get(l.id) ?? 0),
        ),
      })),
      nextCursor: null,
    };
  }

  const adminSection = async (id: string): Promise<AdminSection> => {
    const found = (await adminSections()).items.find((s) => s.id === id);
    if (!found) throw notFound('Section');
    return found;
  };

  async function createSection(input: SectionInput, by?: AuditContext): Promise<AdminSection> {
    const id = await db.transaction(async (tx) => {
      const position = input.position ?? (await q.nextPosition(tx, 'sections'));
      const at = clock.now();
      const row = await q.insertSection(tx, {
        id: newId(),
        title: input.title.trim(),
        position,
        created_at: at,
      });
      const target = { type: 'academy-section', id: row.id };
      await record(tx, { by, at, action: 'academy-section.create', target, before: null, after: row });
      return row.id;
    });
    return adminSection(id);
  }

  async function updateSection(
    id: string,
    changes: SectionChanges,
    by?: AuditContext,
  ): Promise<AdminSection> {
    await db.transaction(async (tx) => {
      const row = await q.findSection(tx, id);
      if (!row) throw notFound('Section');
      const title = changes.title?.trim() ?? row.title;
      const position = changes.position ?? row.position;
      await q.updateSection(tx, id, title, position);
      const target = { type: 'academy-section', id };
      const before = { title: row.title, position: row.position };
      await record(tx, {
        by,
        at: clock.now(),
        action: 'academy-section.update',
        target,
        before,
        after: { title, position },
      });
    });
    return adminSection(id);
  }

  async function deleteSection(id: string, by?: AuditContext): Promise<void> {
    await db.transaction(async (tx) => {
      if (!(await q.lockSection(tx, id, 'UPDATE'))) throw notFound('Section');
      const before = (await q.findSection(tx, id)) ?? null;
      const target = { type: 'academy-section', id };
      await record(tx, {
        by,
        at: clock.now(),
        action: 'academy-section.delete',
        target,
        before,
        after: null,
      });
      const lessons = await q.lessonCount(tx, id);
      if (lessons > 0)
        throw refuse('academy_section_not_empty', { lessons }, `The section still holds ${lessons} lessons`);
      await q.deleteSection(tx, id);
    });
  }

  async function adminLesson(id: string): Promise<AdminLesson> {
    const row = await q.findLesson(db, id);
    if (!row) throw notFound('Lesson');
    return presentAdminLesson(row, await q.completionCount(db, id));
  }

  async function createLesson(input: LessonInput, by?: AuditContext): Promise<AdminLesson> {
    const videoUrl = checkedVideoUrl(input.videoUrl);
    const id = await db.transaction(async (tx) => {
      if (!(await q.lockSection(tx, input.sectionId, 'NO KEY UPDATE'))) throw notFound('Section');
      const now = clock.now();
      const row = await q.insertLesson(tx, {
        id: newId(),
        section_id: input.sectionId,
        title: input.title.trim(),
        body: normalizedText(input.body),
        video_url: videoUrl,
        minutes: input.minutes,
        position: input.position ?? (await q.nextPosition(tx, 'lessons', input.sectionId)),
        published: input.published ?? false,
        created_at: now,
        updated_at: now,
      });
      const target = { type: 'academy-lesson', id: row.id };
      await record(tx, { by, at: now, action: 'academy-lesson.create', target, before: null, after: row });
      return row.id;
    });
    return adminLesson(id);
  }

  async function updateLesson(id: string, changes: LessonChanges, by?: AuditContext): Promise<AdminLesson> {
    const videoUrl = changes.videoUrl === undefined ? undefined : checkedVideoUrl(changes.videoUrl);
    await db.transaction(async (tx) => {
      const row = await q.findLesson(tx, id);
      if (!row) throw notFound('Lesson');
      const sectionId = changes.sectionId ?? row.section_id;
      if (!(await q.lockSection(tx, sectionId, 'NO KEY UPDATE'))) throw notFound('Section');
      const next = {
        ...row,
        section_id: sectionId,
        title: changes.title?.trim() ?? row.title,
        body: changes.body === undefined ? row.body : normalizedText(changes.body),
        video_url: videoUrl === undefined ? row.video_url : videoUrl,
        minutes: changes.minutes ?? row.minutes,
        position: changes.position ?? row.position,
        published: changes.published ?? row.published,
        updated_at: clock.now(),
      };
      await q.updateLesson(tx, next);
      const target = { type: 'academy-lesson', id };
      await record(tx, {
        by,
        at: next.updated_at,
        action: 'academy-lesson.update',
        target,
        before: row,
        after: next,
      });
    });
    return adminLesson(id);
  }

  /** A lesson nobody finished may go; one that counted for someone is unpublished instead. */
  async function deleteLesson(id: string, by?: AuditContext): Promise<void> {
    await db.transaction(async (tx) => {
      if (!(await q.lockLesson(tx, id, 'UPDATE'))) throw notFound('Lesson');
      const completions = await q.completionCount(tx, id);
      if (completions > 0)
        throw refuse(
          'academy_lesson_completed',
          { completions },
          `${completions} people finished this lesson; unpublish it instead`,
        );
      const before = (await q.findLesson(tx, id)) ?? null;
      await q.deleteLesson(tx, id);
      const target = { type: 'academy-lesson', id };
      await record(tx, { by, at: clock.now(), action: 'academy-lesson.delete', target, before, after: null });
    });
  }

  return {
    overview,
    lesson,
    complete,
    adminSections,
    createSection,
    updateSection,
    deleteSection,
    adminLesson,
    createLesson,
    updateLesson,
    deleteLesson,
  };
}
