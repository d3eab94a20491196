import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime } from '../../../lib/config';
import { useAdminCompetition } from '../api/admin-competition';
import { useCancelCompetition } from '../api/cancel-competition';
import { useSaveCompetition } from '../api/save-competition';
import { PhaseBadge } from '../components/competition-card';
import { CompetitionForm } from '../components/competition-form';
import { usePrizeText, useScoreText } from '../components/prize-text';
import type { AdminCompetitionDetail } from '../types';

export function AdminCompetitionNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCompetition();
  return (
    <section data-testid="admin-competition-new">
      <Link to="/admin/competitions">{t('adminCompetitions.back')}</Link>
      <h1>{t('adminCompetitions.new')}</h1>
      <CompetitionForm
        busy={save.isPending}
        error={save.error}
        onSave={(input) =>
          save.mutate(
            { input },
            { onSuccess: (c) => navigate(`/admin/competitions/${c.id}`, { replace: true }) },
          )
        }
      />
    </section>
  );
}

function Results({ competition }: { competition: AdminCompetitionDetail }) {
  const { t } = useTranslation();
  const scoreText = useScoreText();
  const prizeText = usePrizeText();
  const when = useDateTime();
  if (competition.results.length === 0) return <p className="muted">{t('competitions.boardEmpty')}</p>;
  const awardOf = new Map(competition.awards.map((a) => [a.user.id, a]));
  return (
    <div className="table-wrap">
      <table className="table table-stacked" data-testid="admin-competition-results">
        <thead>
          <tr>
            <th scope="col">{t('adminCompetitions.columns.rank')}</th>
            <th scope="col">{t('adminCompetitions.columns.person')}</th>
            <th scope="col">{t('adminCompetitions.columns.score')}</th>
            <th scope="col">{t('adminCompetitions.columns.prize')}</th>
          </tr>
        </thead>
        <tbody>
          {competition.results.map((r) => {
            const award = awardOf.get(r.user.id);
            return (
              <tr key={r.user.id}>
                <td data-label={t('adminCompetitions.columns.rank')}>{r.rank ?? '—'}</td>
                <td data-label={t('adminCompetitions.columns.person')}>
                  {r.user.name}
                  {r.listed ? null : (
                    <span className="badge badge-muted">{t('adminCompetitions.notListed')}</span>
                  )}
                </td>
                <td data-label={t('adminCompetitions.columns.score')}>
                  {scoreText(competition.metric, r.score)}
                </td>
                <td data-label={t('adminCompetitions.columns.prize')}>
                  {award ? (
                    <>
                      {prizeText(award.prize)}
                      <small className="muted muted-block">
                        {award.prize.kind === 'coupon' && !award.userCouponId
                          ? t('adminCompetitions.couponNotGiven')
                          : t('adminCompetitions.paidAt', { at: when(award.awardedAt) })}
                      </small>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One competition in the console: edit it (within what its phase allows), cancel it, see results. */
export function AdminCompetitionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const competition = useAdminCompetition(id);
  const save = useSaveCompetition();
  const cancel = useCancelCompetition();
  const [confirming, setConfirming] = useState(false);
  if (competition.isPending) return <Spinner />;
  if (!competition.data) return <ErrorMessage error={competition.error} />;
  const c = competition.data;
  const editable = c.status === 'scheduled' && c.phase !== 'ended';
  return (
    <section data-testid="admin-competition">
      <Link to="/admin/competitions">{t('adminCompetitions.back')}</Link>
      <div className="page-heading">
        <h1>{c.title}</h1>
        <PhaseBadge phase={c.phase} />
      </div>
      {editable ? (
        <CompetitionForm
          key={c.updatedAt}
          competition={c}
          locked={c.phase === 'running'}
          busy={save.isPending}
          error={save.error}
          onSave={(input) =>
            save.mutate({
              id: c.id,
              // Running: what may not change goes back exactly as stored (the inputs keep minutes only).
              input:
                c.phase === 'running'
                  ? { ...input, metric: c.metric, startsAt: c.startsAt, endsAt: c.endsAt, prizes: c.prizes }
                  : input,
            })
          }
        />
      ) : null}
      {save.isSuccess ? <p role="status">{t('adminCompetitions.saved')}</p> : null}
      {c.phase === 'upcoming' ? (
        <button
          type="button"
          className="btn btn-outline"
          onClick={() => setConfirming(true)}
          data-testid="cancel-competition"
        >
          {t('adminCompetitions.cancel')}
        </button>
      ) : null}
      <ErrorMessage error={cancel.error} />
      <h2>{t('adminCompetitions.results')}</h2>
      <Results competition={c} />
      <ConfirmDialog
        open={confirming}
        title={t('adminCompetitions.cancelTitle')}
        message={t('adminCompetitions.cancelMessage')}
        confirmLabel={t('adminCompetitions.cancel')}
        danger
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate(c.id, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
