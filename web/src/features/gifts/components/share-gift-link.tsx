import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button';

/** The claim link with a copy button, and the phone's share sheet where the browser has one. */
export function ShareGiftLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  function share() {
    // A dismissed sheet rejects; nothing to say about it.
    navigator.share({ title: t('gifts.shareTitle'), text: t('gifts.shareText'), url }).catch(() => {});
  }
  return (
    <div className="gift-link">
      <code className="wrap" data-testid="gift-claim-url">
        {url}
      </code>
      <div className="copy-row">
        <CopyButton text={url} label={t('gifts.copyLink')} testId="copy-gift-link" />
        {canShare ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={share}
            data-testid="share-gift-link"
          >
            {t('gifts.share')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
