import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Room = Type.Object({ id: Type.String() });

/** Why a live-room request is refused. */
export const liveReasons = defineReasons({
  live_room_not_found: {
    code: 'not_found',
    params: Room,
    description: 'No such live room; also a room someone else hosts, for its host-only actions.',
  },
  live_host_role_required: {
    code: 'forbidden',
    description: 'Only shopkeepers and operators host live rooms.',
  },
  live_source_required: {
    code: 'invalid_input',
    description: 'A room plays exactly one of `streamUrl` (an HLS stream) or `videoId` (an uploaded video).',
  },
  live_stream_url_invalid: {
    code: 'invalid_input',
    description: '`streamUrl` must be an https URL of an HLS playlist (its path ends in `.m3u8`).',
  },
  live_stream_origin_not_allowed: {
    code: 'business_rule',
    params: Type.Object({ origin: Type.String() }),
    description:
      'The shop plays streams only from the origins its operator allows (LIVE_STREAM_ORIGINS), and ' +
      '`origin` is not one of them; an uploaded video (`videoId`) always plays.',
  },
  live_video_not_found: {
    code: 'invalid_input',
    params: Type.Object({ videoId: Type.String() }),
    description: 'No such uploaded video of the host’s (`videoId`).',
  },
  live_starts_in_past: {
    code: 'business_rule',
    description: 'A session is scheduled to start from now on, not in the past.',
  },
  live_room_not_live: {
    code: 'conflict',
    params: Type.Object({ id: Type.String(), status: Type.String() }),
    description: 'Products are pinned only while the session is live (`status` is the room’s now).',
  },
  live_nothing_pinned: {
    code: 'conflict',
    description: 'No product is pinned now, so there is nothing to unpin.',
  },
  live_product_not_found: {
    code: 'invalid_input',
    params: Type.Object({ productId: Type.String() }),
    description: 'No such product on sale (`productId`) to pin.',
  },
  live_pin_not_found: {
    code: 'not_found',
    params: Type.Object({ pinId: Type.String() }),
    description: 'No such pin in this room.',
  },
  live_chat_closed: {
    code: 'conflict',
    params: Type.Object({ status: Type.String() }),
    description: 'Chat is open before and during the session, not after it ended or was cancelled.',
  },
  live_chat_rate_limited: {
    code: 'rate_limited',
    params: Type.Object({ retryAfterSeconds: Type.Integer({ minimum: 0 }), max: Type.Integer() }),
    description: 'Too many chat messages in a minute (`max`); try again after `retryAfterSeconds`.',
  },
});

export const refuse = refusalsOf(liveReasons);

export const roomNotFound = (id: string) => refuse('live_room_not_found', { id }, 'Live room not found');
