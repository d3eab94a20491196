import { useTranslation } from 'react-i18next';
import { posterUrl, qrUrl } from '../types';

/** The link's QR code (scan from a screen) and its poster (post as a picture in a chat or moments). */
export function ShareAssets({ code, compact = false }: { code: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`share-assets${compact ? ' share-assets-compact' : ''}`}>
      <img
        className="share-qr"
        src={qrUrl(code)}
        alt={t('share.qrAlt')}
        width={compact ? 96 : 160}
        height={compact ? 96 : 160}
        loading="lazy"
        data-testid="share-qr"
      />
      <a
        className="btn btn-outline btn-small"
        href={posterUrl(code)}
        download={`fission-${code}.png`}
        data-testid="share-poster"
      >
        {t('share.downloadPoster')}
      </a>
    </div>
  );
}
