import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { useLeaderboardPreference } from '../api/get-leaderboard-preference';
import { useSetLeaderboardPreference } from '../api/set-leaderboard-preference';

/** The opt-out: whether the person shows on leaderboards, with what hiding means. */
export function ListedSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const preference = useLeaderboardPreference(true);
  const save = useSetLeaderboardPreference();
  const listed = save.isPending ? save.variables : (preference.data?.listed ?? true);
  return (
    <div className="card competition-listed">
      <label className="switch-row" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-checked={listed}
          checked={listed}
          disabled={preference.isPending || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
          data-testid="leaderboard-listed"
        />
        <span>{t('competitions.listedLabel')}</span>
      </label>
      <small className="muted muted-block">{t('competitions.listedHint')}</small>
      <ErrorMessage error={save.error ?? preference.error} />
    </div>
  );
}
