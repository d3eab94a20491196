import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { allItems, usePagedCall } from './paged-query';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Item {
  id: string;
}

/** A fake list of five items, served two at a time, that records the cursors asked for. */
function fakeList() {
  const items: Item[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor);
    const start = Number(cursor ?? 0);
    const next = start + 2 < items.length ? String(start + 2) : null;
    return { items: items.slice(start, start + 2), nextCursor: next };
  };
  return { asked, fetchPage };
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

describe('usePagedCall', () => {
  it('loads page after page by the server’s cursor, and stops where it says there is no more', async () => {
    const { asked, fetchPage } = fakeList();
    const hook = await renderHook(() => usePagedCall(['things'], fetchPage));
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

    expect(asked).toEqual([undefined, '2', '4']);
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
