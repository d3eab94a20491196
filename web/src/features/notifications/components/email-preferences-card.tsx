import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useEmailPreferences, useSetEmailPreference } from '../api/email-preferences';
import type { NotificationType } from '../types';

/**
 * Per notification type, whether it also comes by email (on the account page). The types are the
 * server's, in its order; each has a text in every language (`notifications.types`, typed by them).
 */
export function EmailPreferencesCard() {
  const { t } = useTranslation();
  const prefs = useEmailPreferences();
  const save = useSetEmailPreference();
  // The tapped value shows in the same render as the tap: the cache's optimistic update comes a
  // tick later, and a controlled box would snap back in between.
  const [tapped, setTapped] = useState<Partial<Record<NotificationType, boolean>>>({});
  const choose = (type: NotificationType, email: boolean) => {
    setTapped((current) => ({ ...current, [type]: email }));
    save.mutate(
      { type, email },
      {
        onSettled: () =>
          setTapped((current) => {
            const { [type]: _settled, ...rest } = current;
            return rest;
          }),
      },
    );
  };
  return (
    <div className="card" data-testid="email-preferences">
      <h2>{t('notifications.emailTitle')}</h2>
      <p className="muted">{t('notifications.emailHint')}</p>
      {prefs.isPending ? <Spinner /> : null}
      {prefs.error ? <ErrorMessage error={prefs.error} /> : null}
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {prefs.data ? (
        <ul className="plain-list email-preferences">
          {(Object.keys(prefs.data.email) as NotificationType[]).map((type) => (
            <li key={type}>
              <label className="email-preference">
                <input
                  type="checkbox"
                  checked={tapped[type] ?? prefs.data.email[type]}
                  onChange={(e) => choose(type, e.target.checked)}
                  data-testid={`email-pref-${type}`}
                />
                <span>{t(`notifications.types.${type}`)}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
