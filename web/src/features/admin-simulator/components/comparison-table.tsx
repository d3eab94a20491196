import { useTranslation } from 'react-i18next';
import type { SimulationResult, SimulationWarning } from '../types';

interface Side {
  name: string;
  result: SimulationResult;
}

type Spread = { mean: number; p10: number; p90: number };
const METRICS = ['gmv', 'newCustomers', 'payout', 'marginAfterPayout'] as const;
const MONEY: Record<(typeof METRICS)[number], boolean> = {
  gmv: true,
  newCustomers: false,
  payout: true,
  marginAfterPayout: true,
};

function SpreadCell({ value, format }: { value: Spread; format: (n: number) => string }) {
  return (
    <>
      {format(value.mean)}
      <small className="muted muted-block">
        {format(value.p10)} – {format(value.p90)}
      </small>
    </>
  );
}

/** Totals of both schemes, mean with the p10–p90 band across runs. */
export function TotalsTable({ a, b, money }: { a: Side; b: Side; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const count = (n: number) => Math.round(n).toLocaleString();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="simulator-totals">
        <thead>
          <tr>
            <th>{t('simulator.total')}</th>
            <th>{a.name}</th>
            <th>{b.name}</th>
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m}>
              <th scope="row">{t(`simulator.metric.${m}`)}</th>
              {[a, b].map((side) => (
                <td key={side.name} data-testid={`total-${m}`}>
                  <SpreadCell
                    value={side.result.totals[m]}
                    format={MONEY[m] ? (n) => money(Math.round(n)) : count}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Week by week, the two schemes in adjacent columns (cards on a phone). */
export function WeeksTable({ a, b, money }: { a: Side; b: Side; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const cell = (n: number, isMoney: boolean) =>
    isMoney ? money(Math.round(n)) : Math.round(n).toLocaleString();
  return (
    <div className="table-wrap">
      <table className="table responsive-table" data-testid="simulator-weeks">
        <thead>
          <tr>
            <th>{t('simulator.weekColumn')}</th>
            {METRICS.flatMap((m) =>
              [a, b].map((side) => (
                <th key={`${m}-${side.name}`}>
                  {t(`simulator.metric.${m}`)} · {side.name}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {a.result.weeks.map((week, i) => (
            <tr key={week.week} data-testid="simulator-week-row">
              <td data-label={t('simulator.weekColumn')}>{week.week}</td>
              {METRICS.flatMap((m) =>
                [a, b].map((side) => {
                  const w = side.result.weeks[i];
                  const label = `${t(`simulator.metric.${m}`)} · ${side.name}`;
                  return (
                    <td key={`${m}-${side.name}`} data-label={label}>
                      {w ? cell(w[m].mean, MONEY[m]) : '—'}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Warnings({ name, warnings }: { name: string; warnings: readonly SimulationWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) {
    return (
      <p className="muted" data-testid="simulator-no-warnings">
        {t('simulator.noWarnings', { name })}
      </p>
    );
  }
  return (
    <ul className="simulator-warnings" data-testid="simulator-warnings">
      {warnings.map((w) => (
        <li key={`${w.code}-${w.rule ?? ''}`} data-code={w.code}>
          <strong>{name}</strong>:{' '}
          {t(`simulator.warning.${w.code}`, {
            rule: w.rule ? t(`simulator.rule.${w.rule}`, { defaultValue: w.rule }) : '',
            limit: w.code === 'levels_beyond_policy' ? w.limit : (w.limit ?? 0) / 100,
            value: w.code === 'levels_beyond_policy' ? w.value : (w.value ?? 0) / 100,
          })}
        </li>
      ))}
    </ul>
  );
}
