import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import {
  chatOpen,
  creditsHost,
  isHlsUrl,
  offsetMs,
  pinAt,
  ROOM_ACTIONS,
  ROOM_STATUSES,
  type RoomAction,
  type RoomStatus,
  roomMachine,
} from './rules.js';

const actions = Object.keys(ROOM_ACTIONS) as RoomAction[];

/** Applies host actions as the service does: a refused move leaves the state as it was. */
function run(steps: readonly RoomAction[]) {
  let state: RoomStatus = 'scheduled';
  const visited: RoomStatus[] = [state];
  for (const action of steps) {
    const to = ROOM_ACTIONS[action];
    try {
      roomMachine.assertTransition(state, to);
      state = to;
      visited.push(state);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).reason).toBe('invalid_transition');
    }
  }
  return visited;
}

describe('the live-room state machine', () => {
  it('visits states only in the order scheduled → live → ended, or scheduled → cancelled', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 20 }), (steps) => {
        const visited = run(steps);
        const allowed = [
          ['scheduled'],
          ['scheduled', 'live'],
          ['scheduled', 'live', 'ended'],
          ['scheduled', 'cancelled'],
        ];
        expect(allowed).toContainEqual(visited);
        // Ended and cancelled are final: nothing moves a room out of them.
        const last = visited[visited.length - 1] as RoomStatus;
        if (last === 'ended' || last === 'cancelled')
          for (const s of ROOM_STATUSES) expect(roomMachine.canTransition(last, s)).toBe(false);
      }),
    );
  });

  it('credits the host only while live or with a replay, and chat opens before and during', () => {
    expect(ROOM_STATUSES.filter(creditsHost)).toEqual(['live', 'ended']);
    expect(ROOM_STATUSES.filter(chatOpen)).toEqual(['scheduled', 'live']);
  });
});

describe('pins in the session’s time', () => {
  const pinsArb = fc
    .array(fc.tuple(fc.nat(100_000), fc.option(fc.nat(50_000), { nil: null })), { maxLength: 8 })
    .map((raw) => {
      // As the service makes them: pinned in time order, each taken off no later than the next goes up.
      const sorted = [...raw].sort((x, y) => x[0] - y[0]);
      return sorted.map(([atMs, length], i) => {
        const next = sorted[i + 1]?.[0];
        const until =
          length === null ? (next ?? null) : Math.min(atMs + length, next ?? Number.POSITIVE_INFINITY);
        return { id: i, atMs, untilMs: until };
      });
    });

  it('shows at most the one pin whose interval holds the moment, and none outside every interval', () => {
    fc.assert(
      fc.property(pinsArb, fc.nat(200_000), (pins, ms) => {
        const shown = pinAt(pins, ms);
        const holding = pins.filter((p) => p.atMs <= ms && (p.untilMs === null || ms < p.untilMs));
        if (holding.length === 0) expect(shown).toBeNull();
        else expect(shown).toBe(holding[holding.length - 1]);
      }),
    );
  });

  it('measures from the start, never below zero, and 0 before the session started', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: -1e9, max: 1e9 }), (start, delta) => {
        const at = offsetMs(new Date(start), new Date(start + delta));
        expect(at).toBe(Math.max(0, delta));
      }),
    );
    expect(offsetMs(null, new Date())).toBe(0);
  });
});

describe('stream URLs', () => {
  it('accepts https HLS playlists only', () => {
    expect(isHlsUrl('https://cdn.example.com/live/a.m3u8')).toBe(true);
    expect(isHlsUrl('https://cdn.example.com/live/a.M3U8?token=1')).toBe(true);
    for (const bad of [
      'http://cdn.example.com/a.m3u8',
      'https://cdn.example.com/a.mp4',
      'javascript:alert(1)//.m3u8',
      'https://u:p@x.com/a.m3u8',
      'a.m3u8',
    ])
      expect(isHlsUrl(bad), bad).toBe(false);
  });
});
