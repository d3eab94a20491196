import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDistributionSettings } from '../api/settings';
import { HoldingSignalsForm } from '../components/holding-signals-form';
import { SettingsForm } from '../components/settings-form';

export function AdminDistributionSettingsPage() {
  const { t } = useTranslation();
  const settings = useDistributionSettings();
  return (
    <section>
      <h1>{t('adminDistribution.settings')}</h1>
      <p className="muted">{t('adminDistribution.settingsHint')}</p>
      {settings.isPending ? <Spinner /> : null}
      <ErrorMessage error={settings.error} />
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
      {settings.data ? <HoldingSignalsForm holding={settings.data.holdingSignals ?? []} /> : null}
    </section>
  );
}
