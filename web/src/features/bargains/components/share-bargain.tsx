import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bargain } from '../types';

type Shared = 'idle' | 'copied' | 'shown';

/**
 * "Share to get help": the phone's share sheet where there is one, else the page's link copied;
 * where the clipboard is refused too, the link is shown to copy by hand. A bargain's link is its
 * page, not a share link of the sharing module: a bargain earns no commission.
 */
export function ShareBargain({ bargain }: { bargain: Bargain }) {
  const { t } = useTranslation();
  const [shared, setShared] = useState<Shared>('idle');
  const url = `${window.location.origin}/bargains/${bargain.id}`;

  async function share() {
    const text = t('bargain.shareText', { product: bargain.product.title });
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: bargain.product.title, text, url });
        return;
      } catch (error) {
        // Closing the sheet is a choice, not a failure; anything else falls back to the link.
        if ((error as Error).name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setShared('copied');
    } catch {
      setShared('shown');
    }
  }

  return (
    <div className="bargain-share">
      <button type="button" className="btn btn-outline" onClick={share} data-testid="bargain-share">
        {t('bargain.share')}
      </button>
      {shared === 'copied' ? (
        <p className="muted" role="status" data-testid="bargain-link-copied">
          {t('bargain.linkCopied')}
        </p>
      ) : null}
      {shared === 'shown' ? (
        <p className="muted">
          {t('bargain.copyThis')}{' '}
          <code className="wrap" data-testid="bargain-link">
            {url}
          </code>
        </p>
      ) : null}
    </div>
  );
}
