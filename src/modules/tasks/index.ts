/** The tasks module's one entry: operator-defined tasks whose progress comes from domain events. */
export { tasksRoutes } from './routes.js';
export { TASK_KINDS, TASK_PERIODS, type TaskKind, type TaskPeriod } from './rules.js';
export type { MyTask, Task, TaskInput } from './schemas.js';
export type { TasksService } from './service.js';
export { createTasksService } from './service.js';
