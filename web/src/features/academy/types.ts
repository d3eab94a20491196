import type { BodyOf, ResponseOf } from '../../lib/api';

/** The academy's shapes as the API answers them (generated from the server's schemas). */
export type Academy = ResponseOf<'/api/academy', 'get'>;
export type AcademySection = Academy['items'][number];
export type Lesson = ResponseOf<'/api/academy/lessons/{id}', 'get'>;
export type QuestionSummary = ResponseOf<'/api/academy/questions', 'get'>['items'][number];
export type Question = ResponseOf<'/api/academy/questions/{id}', 'get'>;
export type Answer = Question['answers'][number];
export type NewQuestion = BodyOf<'/api/academy/questions', 'post'>;
export type QuestionsFilter = 'newest' | 'unanswered';
export type AdminSection = ResponseOf<'/api/admin/academy/sections', 'get'>['items'][number];
export type AdminLesson = AdminSection['lessons'][number];
export type NewLesson = BodyOf<'/api/admin/academy/lessons', 'post'>;
export type LessonChanges = BodyOf<'/api/admin/academy/lessons/{id}', 'patch'>;
export type AdminQuestion = ResponseOf<'/api/admin/academy/questions', 'get'>['items'][number];
export type QuestionChanges = BodyOf<'/api/academy/questions/{id}', 'patch'>;
