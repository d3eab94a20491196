import { expect } from 'vitest';

export interface StreamedEvent {
  id: number;
  type: string;
  data: unknown;
}

/** Reads a server-sent event stream until `until` holds for the events seen, or the time runs out. */
export async function readEvents(
  url: string,
  until: (events: StreamedEvent[]) => boolean,
  headers: Record<string, string> = {},
  ms = 8_000,
  stop?: AbortSignal,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  stop?.addEventListener('abort', () => controller.abort());
  const events: StreamedEvent[] = [];
  try {
    const res = await fetch(url, { headers, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          chunk
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const data = field('data');
        if (data !== undefined)
          events.push({ id: Number(field('id')), type: field('event') ?? 'message', data: JSON.parse(data) });
        end = buffer.indexOf('\n\n');
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
