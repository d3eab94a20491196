import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LiveMessage, LivePin } from '../types';
import { liveKey } from './rooms';

export interface RoomFeed {
  messages: LiveMessage[];
  /** The pin showing now, from the stream (undefined until the stream says anything about pins). */
  pin: LivePin | null | undefined;
  connected: boolean;
}

/** The messages after a change: a new one added once (a restored one comes again), a hidden one removed. */
export function applyMessage(messages: readonly LiveMessage[], message: LiveMessage): LiveMessage[] {
  if (messages.some((m) => m.id === message.id)) return [...messages];
  return [...messages, message].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const hideMessage = (messages: readonly LiveMessage[], id: string) =>
  messages.filter((m) => m.id !== id);

/**
 * The room's server-sent events: chat, pins, state changes and hides. EventSource reconnects by
 * itself and sends the last event's id, so the server resumes where the stream broke.
 */
export function useRoomEvents(roomId: string, enabled: boolean): RoomFeed {
  const client = useQueryClient();
  const [messages, setMessages] = useState<LiveMessage[]>([]);
  const [pin, setPin] = useState<LivePin | null | undefined>(undefined);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/live-rooms/${encodeURIComponent(roomId)}/events`);
    const parse = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('message', (e) => setMessages((all) => applyMessage(all, parse<LiveMessage>(e))));
    source.addEventListener('hide', (e) => {
      const { messageId } = parse<{ messageId: string }>(e);
      setMessages((all) => hideMessage(all, messageId));
    });
    source.addEventListener('pin', (e) => setPin(parse<LivePin>(e)));
    source.addEventListener('unpin', (e) => {
      const { pinId } = parse<{ pinId: string }>(e);
      setPin((current) => (current && current.id !== pinId ? current : null));
    });
    source.addEventListener(
      'state',
      () => void client.invalidateQueries({ queryKey: [...liveKey, 'room', roomId] }),
    );
    return () => source.close();
  }, [roomId, enabled, client]);

  return { messages, pin, connected };
}
