import fc from 'fast-check';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { bpsToPercent, MAX_BPS, percentToBps, useBps } from './percent';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Shown({ bps }: { bps: number[] }) {
  const format = useBps();
  return <output>{bps.map(format).join(' | ')}</output>;
}

/** What useBps shows for these basis points in a language. */
async function shown(language: string, bps: number[]): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, resources: {} });
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () => {
    root.render(
      <I18nextProvider i18n={i18n}>
        <Shown bps={bps} />
      </I18nextProvider>,
    );
  });
  const text = host.textContent ?? '';
  act(() => root.unmount());
  return text;
}

describe('percent', () => {
  it('percentToBps ∘ bpsToPercent is the identity over 0..100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_BPS }), (bps) => percentToBps(bpsToPercent(bps)) === bps),
    );
  });

  it('reads percents as typed, two decimals at most', () => {
    expect(percentToBps('10.5')).toBe(1050);
    expect(percentToBps('0.01')).toBe(1);
    expect(percentToBps('100')).toBe(10_000);
    expect(percentToBps(' 7 ')).toBe(700);
    expect(bpsToPercent(1050)).toBe('10.50');
    expect(bpsToPercent(5)).toBe('0.05');
  });

  it('refuses more than 100 %, a third decimal, negatives and words', () => {
    for (const text of ['100.01', '101', '1.234', '-5', '', 'ten', '5%'])
      expect(percentToBps(text), text).toBeNull();
  });

  it('shows basis points as a percent in the reader’s language, two decimals at most', async () => {
    expect(await shown('en', [1050, 5, 10_000, 1234])).toBe('10.5% | 0.05% | 100% | 12.34%');
    expect(await shown('zh-CN', [1050])).toBe('10.5%');
  });
});
