/** The live module's one entry: live rooms with pinned products, chat and their event streams. */
export type { PinnedProductView } from './present.js';
export { liveReasons } from './reasons.js';
export { liveRoutes } from './routes.js';
export { mayHost, ROOM_ACTIONS, roomMachine } from './rules.js';
export type {
  Message as LiveMessage,
  Pin as LivePin,
  Room as LiveRoom,
  Stats as LiveStats,
} from './schemas.js';
export type { LiveService } from './service.js';
export { createLiveService } from './service.js';
export type { StreamHub } from './stream.js';
export { createStreamHub } from './stream.js';
