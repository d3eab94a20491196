import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import { createBoard, type NamesOf } from './board.js';
import { createLessons } from './lessons.js';

/**
 * The academy: lessons for shopkeepers, read by anyone and finished by the signed-in, and the Q&A
 * board where signed-in people ask, answer and vote. Two halves with nothing shared but the module.
 */
export function createAcademyService(deps: {
  db: Database;
  clock: Clock;
  events: EventBus;
  /** The shop's own origin: a video file there plays in the page; anything else is a link. */
  publicUrl: string | undefined;
  names: NamesOf;
}) {
  return {
    lessons: createLessons(deps),
    board: createBoard(deps),
  };
}

export type AcademyService = ReturnType<typeof createAcademyService>;
