import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useAllLevels } from '../api/all-levels';
import { useMyLevel } from '../api/my-level';
import { BenefitList, useBenefitText } from '../components/benefit-list';
import { LevelProgress } from '../components/level-progress';

/** My level: where I stand, what it gives, how far the next one is, and the whole ladder. */
export function MyLevelPage() {
  const { t } = useTranslation();
  const me = useMyLevel();
  const levels = useAllLevels();
  const benefitText = useBenefitText();
  const ladder = levels.data?.items ?? [];
  return (
    <section className="level-page" data-testid="level-page">
      <h1>{t('levels.title')}</h1>
      {me.isPending || levels.isPending ? <Spinner /> : null}
      <ErrorMessage error={me.error ?? levels.error} />
      {me.data && levels.data ? (
        <>
          <div className="card level-card">
            <p className="muted">{t('levels.current')}</p>
            <h2 data-testid="level-name">{me.data.name}</h2>
            <p className="level-growth">
              {t('levels.growth')}: <strong data-testid="level-growth">{me.data.growth}</strong>
            </p>
            <LevelProgress me={me.data} levels={ladder} />
          </div>
          <div className="card">
            <h2>{t('levels.benefits')}</h2>
            <BenefitList benefits={me.data.benefits} testId="level-benefits" />
          </div>
          <div className="card">
            <h2>{t('levels.allLevels')}</h2>
            <table className="table table-stacked" data-testid="levels-table">
              <thead>
                <tr>
                  <th scope="col">{t('levels.columns.level')}</th>
                  <th scope="col">{t('levels.columns.from')}</th>
                  <th scope="col">{t('levels.columns.benefits')}</th>
                </tr>
              </thead>
              <tbody>
                {ladder.map((l) => (
                  <tr key={l.rank} className={l.rank === me.data.level ? 'level-row-current' : undefined}>
                    <td data-label={t('levels.columns.level')}>
                      {l.name}
                      {l.rank === me.data.level ? <span className="badge">{t('levels.you')}</span> : null}
                    </td>
                    <td data-label={t('levels.columns.from')}>{l.threshold}</td>
                    <td data-label={t('levels.columns.benefits')}>
                      {l.benefits.length === 0 ? '—' : l.benefits.map(benefitText).join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t('levels.howToGrow')}</p>
          </div>
        </>
      ) : null}
    </section>
  );
}
