import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { useCurrency, useMoney } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import {
  listKey,
  useCancelSimulation,
  useSimulation,
  useSimulations,
  useStartSimulation,
} from '../api/simulations';
import { ComparisonChart } from '../components/comparison-chart';
import { TotalsTable, Warnings, WeeksTable } from '../components/comparison-table';
import {
  defaultPopulation,
  type PopulationDraft,
  populationOf,
  type SchemeDraft,
  schemeA,
  schemeB,
  schemeOf,
  shopPopulationOf,
} from '../components/draft';
import { PopulationForm } from '../components/population-form';
import { RecentSimulations } from '../components/recent-simulations';
import { SchemeForm } from '../components/scheme-form';

/**
 * The incentive simulator: two schemes on one population with one seed (so the difference is the
 * schemes', not the dice's), run on the server in worker threads, then compared side by side.
 */
export function AdminSimulatorPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const digits = minorDigits(useCurrency());
  const [a, setA] = useState<SchemeDraft>(schemeA);
  const [b, setB] = useState<SchemeDraft>(schemeB);
  const [population, setPopulation] = useState<PopulationDraft>(defaultPopulation);
  const [params, setParams] = useSearchParams();
  const [submitted, setSubmitted] = useState(false);
  const client = useQueryClient();
  const recent = useSimulations();
  const shown = { a: params.get('a'), b: params.get('b') };
  const ids = shown.a && shown.b ? { a: shown.a, b: shown.b } : null;
  const setIds = (next: { a: string; b: string } | null) =>
    setParams(next ? { a: next.a, b: next.b } : {}, { replace: true });
  // With nothing chosen, the page opens on the two newest finished simulations (the demo's comparison).
  const latestDone = recent.data?.pages[0]?.items.filter((s) => s.status === 'done') ?? [];
  const [newest, second] = latestDone;
  useEffect(() => {
    if (!submitted && !shown.a && !shown.b && newest && second) {
      setParams({ a: second.id, b: newest.id }, { replace: true });
    }
  }, [submitted, shown.a, shown.b, newest, second, setParams]);
  const start = useStartSimulation();
  const cancel = useCancelSimulation();
  const simA = useSimulation(ids?.a ?? null);
  const simB = useSimulation(ids?.b ?? null);

  const running = simA.data?.status === 'running' || simB.data?.status === 'running';
  const progress = ((simA.data?.progress ?? 0) + (simB.data?.progress ?? 0)) / 2;
  const failed = [simA.data, simB.data].find((s) => s?.status === 'failed');
  const resultA = simA.data?.result;
  const resultB = simB.data?.result;
  const nameA = simA.data?.scheme.name || 'A';
  const nameB = simB.data?.scheme.name || 'B';
  // Finished: the list shows it done, so it can be put in a column later.
  const finished = simA.data?.status === 'done' && simB.data?.status === 'done';
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: listKey });
  }, [finished, client]);

  async function run(event: FormEvent) {
    event.preventDefault();
    const shared = {
      population:
        population.kind === 'shop' ? shopPopulationOf(population, digits) : populationOf(population, digits),
      weeks: Number(population.weeks),
      runs: Number(population.runs),
      seed: Number(population.seed),
    };
    setSubmitted(true);
    setIds(null);
    const first = await start.mutateAsync({ ...shared, scheme: schemeOf(a, digits) });
    const second = await start
      .mutateAsync({ ...shared, scheme: schemeOf(b, digits) })
      .catch(async (error) => {
        await cancel.mutateAsync(first.id).catch(() => undefined);
        throw error;
      });
    setIds({ a: first.id, b: second.id });
    void client.invalidateQueries({ queryKey: listKey });
  }

  async function stop() {
    if (!ids) return;
    await Promise.all([cancel.mutateAsync(ids.a), cancel.mutateAsync(ids.b)]);
    await Promise.all([simA.refetch(), simB.refetch()]);
    void client.invalidateQueries({ queryKey: listKey });
  }

  return (
    <section className="page" data-testid="admin-simulator">
      <h1>{t('simulator.title')}</h1>
      <p className="muted">{t('simulator.intro')}</p>
      <form onSubmit={(e) => void run(e).catch(() => undefined)} className="simulator-form">
        <div className="simulator-schemes">
          <SchemeForm draft={a} onChange={setA} testId="simulator-scheme-a" />
          <SchemeForm draft={b} onChange={setB} testId="simulator-scheme-b" />
        </div>
        <PopulationForm draft={population} digits={digits} onChange={setPopulation} />
        <ErrorMessage error={start.error} />
        <div className="form-actions">
          <button
            type="submit"
            className="btn"
            disabled={start.isPending || running}
            data-testid="simulator-run"
          >
            {t('simulator.run')}
          </button>
          {running ? (
            <button
              type="button"
              className="btn btn-outline"
              onClick={() => void stop()}
              data-testid="simulator-cancel"
            >
              {t('simulator.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {running ? (
        <div className="simulator-progress">
          <progress
            max={1}
            value={progress}
            aria-label={t('simulator.running')}
            data-testid="simulator-progress"
          />
          <span>{t('simulator.progress', { percent: Math.round(progress * 100) })}</span>
        </div>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert" data-testid="simulator-failed">
          {t(`simulator.failure.${failed.failure ?? 'error'}`, {
            defaultValue: t('simulator.failure.error'),
          })}
        </p>
      ) : null}
      {!ids && !start.isPending && !submitted ? (
        <EmptyState title={t('simulator.emptyTitle')} testId="simulator-empty">
          <p className="muted">{t('simulator.emptyText')}</p>
        </EmptyState>
      ) : null}
      {resultA && resultB ? (
        <div className="simulator-results" data-testid="simulator-results">
          <h2>{t('simulator.results')}</h2>
          <p className="muted">
            {t('simulator.model', {
              people: resultA.model.people.toLocaleString(),
              friendships: resultA.model.friendships.toLocaleString(),
            })}
          </p>
          <Warnings name={nameA} warnings={resultA.warnings} />
          <Warnings name={nameB} warnings={resultB.warnings} />
          <ComparisonChart
            a={{ name: nameA, result: resultA }}
            b={{ name: nameB, result: resultB }}
            money={money}
          />
          <TotalsTable
            a={{ name: nameA, result: resultA }}
            b={{ name: nameB, result: resultB }}
            money={money}
          />
          <WeeksTable
            a={{ name: nameA, result: resultA }}
            b={{ name: nameB, result: resultB }}
            money={money}
          />
        </div>
      ) : null}
      <RecentSimulations
        shown={shown}
        onShow={(side, id) => setParams({ ...Object.fromEntries(params), [side]: id }, { replace: true })}
      />
    </section>
  );
}
