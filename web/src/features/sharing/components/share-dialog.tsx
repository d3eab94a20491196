import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button';
import { useMoney } from '../../../lib/config';
import type { ShareLink } from '../types';
import { ShareAssets } from './share-assets';

interface ShareDialogProps {
  link: ShareLink | undefined;
  open: boolean;
  onClose: () => void;
  /** What one sale through this link earns the sharer, when known. */
  earn?: number;
}

/** A sheet with everything needed to pass the link on: the URL to copy, its QR code and poster. */
export function ShareDialog({ link, open, onClose, earn }: ShareDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog share-dialog" onClose={onClose} data-testid="share-dialog">
      <h2>{t('share.title')}</h2>
      <p className="muted">{t('share.hint')}</p>
      {earn && earn > 0 ? (
        <p className="share-earn" data-testid="share-earn">
          <span className="earn-badge">{t('earn.badge', { amount: money(earn) })}</span>{' '}
          {t('earn.perShare', { amount: money(earn) })}
        </p>
      ) : null}
      {link ? (
        <>
          <div className="copy-row">
            <code className="wrap" data-testid="share-url">
              {link.url}
            </code>
            <CopyButton text={link.url} label={t('share.copyLink')} testId="copy-share-url" />
          </div>
          <ShareAssets code={link.code} />
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="share-close">
          {t('share.close')}
        </button>
      </div>
    </dialog>
  );
}
