import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { TASK_KINDS, TASK_PERIODS } from './rules.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
const Kind = Type.Enum(TASK_KINDS, { description: 'the event the task counts' });
const Period = Type.Enum(TASK_PERIODS);

/** A task as the operator writes it. PUT takes the whole of it again. */
export const TaskBody = Type.Object(
  {
    title: NonBlankText(120),
    kind: Kind,
    target: Type.Integer({ minimum: 1, maximum: 1000 }),
    rewardPoints: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    couponTemplateId: Type.Optional(Nullable(Id)),
    period: Period,
    active: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);

export const TaskSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Kind,
  target: Type.Integer(),
  rewardPoints: Type.Integer(),
  couponTemplateId: Nullable(Type.String()),
  period: Period,
  active: Type.Boolean(),
  position: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const TaskPage = Type.Object({ items: Type.Array(TaskSchema), nextCursor: Nullable(Type.String()) });
export const TaskListQuery = Type.Object(pageQuery, { additionalProperties: false });

export const MyTaskSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Kind,
  /** Counted events this period, never more than `target`. */
  progress: Type.Integer(),
  target: Type.Integer(),
  reward: Type.Object({ points: Type.Integer(), couponTitle: Nullable(Type.String()) }),
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('completed')]),
  period: Period,
  /** When progress starts again from zero; null for a one-off task. */
  resetsAt: Nullable(Type.String({ format: 'date-time' })),
});

/** Every active task, in the operator's order: a handful, so one page (`nextCursor` always null). */
export const MyTaskList = Type.Object({ items: Type.Array(MyTaskSchema), nextCursor: Type.Null() });

export type TaskInput = Static<typeof TaskBody>;
export type Task = Static<typeof TaskSchema>;
export type MyTask = Static<typeof MyTaskSchema>;
