import fc from 'fast-check';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { RatingSummaryView } from './rating-summary';
import { barPercent } from './ratings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function rendered(summary: Parameters<typeof RatingSummaryView>[0]['summary']) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () => {
    root.render(
      <I18nextProvider i18n={i18n}>
        <RatingSummaryView summary={summary} />
      </I18nextProvider>,
    );
  });
  return { host, unmount: () => act(() => root.unmount()) };
}

describe('the rating summary', () => {
  it('shows the average to one decimal, the count, and a bar per rating from 5 down to 1', async () => {
    const { host, unmount } = await rendered({
      count: 4,
      average: 4.25,
      histogram: [
        { rating: 1, count: 0 },
        { rating: 2, count: 0 },
        { rating: 3, count: 1 },
        { rating: 4, count: 0 },
        { rating: 5, count: 3 },
      ],
    });
    expect(host.querySelector('[data-testid="rating-average"]')?.textContent).toBe('4.3');
    expect(host.querySelector('[data-testid="rating-count"]')?.textContent).toBe('4 reviews');
    const rows = [...host.querySelectorAll('.rating-histogram li')];
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(
      [5, 4, 3, 2, 1].map((n) => `histogram-${n}`),
    );
    const widths = rows.map((r) => (r.querySelector('.histogram-bar span') as HTMLElement).style.width);
    expect(widths).toEqual(['75%', '0%', '25%', '0%', '0%']);
    unmount();
  });

  it('says a dash without reviews', async () => {
    const { host, unmount } = await rendered({
      count: 0,
      average: null,
      histogram: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: 0 })),
    });
    expect(host.querySelector('[data-testid="rating-average"]')?.textContent).toBe('–');
    unmount();
  });

  it('law: bars are whole percents within 0..100, the full bar only for every review', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
        const total = a + b;
        const p = barPercent(a, total);
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        if (total > 0 && a === total) expect(p).toBe(100);
      }),
    );
  });
});
