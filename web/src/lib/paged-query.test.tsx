import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allItems, usePagedQuery } from './paged-query';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Item {
  id: string;
}

/** A fake list endpoint of five items, served two at a time, that records the URLs asked for. */
function fakeList() {
  const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://shop.test');
      asked.push(url);
      const limit = Number(url.searchParams.get('limit'));
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const page = items.slice(start, start + limit);
      const next = start + limit < items.length ? String(start + limit) : null;
      return new Response(JSON.stringify({ items: page, nextCursor: next }), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return asked;
}

/** Calls the hook it is given on every render and hands out what it returned. */
function Probe<T>({ hook, onRender }: { hook: () => T; onRender: (value: T) => void }) {
  onRender(hook());
  return null;
}

async function renderHook<T>(hook: () => T): Promise<{ current: () => T; unmount: () => void }> {
  let latest: T | undefined;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const root = createRoot(document.createElement('div'));
  await act(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <Probe
          hook={hook}
          onRender={(value) => {
            latest = value;
          }}
        />
      </QueryClientProvider>,
    );
  });
  return { current: () => latest as T, unmount: () => act(() => root.unmount()) };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('usePagedQuery', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads page after page by the server’s cursor, and stops where it says there is no more', async () => {
    const asked = fakeList();
    const hook = await renderHook(() => usePagedQuery<Item>(['things'], '/api/things', { q: 'tea' }, 2));
    await settle();
    expect(allItems(hook.current().data).map((i) => i.id)).toEqual(['a', 'b']);
    expect(hook.current().hasNextPage).toBe(true);

    await act(async () => {
      await hook.current().fetchNextPage();
    });
    await act(async () => {
      await hook.current().fetchNextPage();
    });
    await settle();
    expect(allItems(hook.current().data).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(hook.current().hasNextPage).toBe(false);

    expect(asked.map((u) => u.pathname)).toEqual(['/api/things', '/api/things', '/api/things']);
    expect(asked.map((u) => u.searchParams.get('cursor'))).toEqual([null, '2', '4']);
    for (const url of asked) {
      expect(url.searchParams.get('q')).toBe('tea');
      expect(url.searchParams.get('limit')).toBe('2');
    }
    hook.unmount();
  });
});

describe('allItems', () => {
  it('is every loaded item in order, and nothing before the first page', () => {
    expect(allItems<Item>(undefined)).toEqual([]);
    const pages = [
      { items: [{ id: 'a' }], nextCursor: 'x' },
      { items: [{ id: 'b' }, { id: 'c' }], nextCursor: null },
    ];
    expect(allItems({ pages, pageParams: [undefined, 'x'] }).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
