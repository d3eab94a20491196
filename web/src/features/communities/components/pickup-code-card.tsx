import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../../lib/config';
import { mapLink } from '../types';

interface OrderWithPickup {
  pickup: {
    communityId: string;
    communityName: string;
    pickupPoint: {
      name: string;
      address: string;
      openingHours: string | null;
      location: { lat: number; lng: number } | null;
    };
    wave: { cutoffAt: string };
    status: 'awaiting_payment' | 'awaiting_collection' | 'collected' | 'returned' | 'closed';
    collectBy: string | null;
    collectedAt: string | null;
  } | null;
  pickupCode: string | null;
}

/** The code read out as two groups of four, as people say it. */
export const spacedCode = (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Where a pickup order is collected, and (once paid) its code as digits and as a QR code. */
export function PickupCodeCard({ order }: { order: OrderWithPickup }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const [qr, setQr] = useState<string | null>(null);
  const pickup = order.pickup;
  const code = pickup?.status === 'awaiting_collection' ? order.pickupCode : null;
  useEffect(() => {
    if (!code) return setQr(null);
    let live = true;
    QRCode.toDataURL(code, { margin: 1, width: 220 }).then(
      (url) => live && setQr(url),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (!pickup) return null;
  return (
    <div className="card pickup-card" data-testid="pickup-card">
      <h2>{t('communities.pickup.title')}</h2>
      <p>
        <strong>{pickup.pickupPoint.name}</strong> · {pickup.communityName}
      </p>
      <p>
        <a href={mapLink(pickup.pickupPoint)} target="_blank" rel="noreferrer noopener">
          {pickup.pickupPoint.address}
        </a>
      </p>
      {pickup.pickupPoint.openingHours ? (
        <p className="muted">{t('communities.openingHours', { hours: pickup.pickupPoint.openingHours })}</p>
      ) : null}
      <p className="muted">{t('communities.pickup.wave', { time: when(pickup.wave.cutoffAt) })}</p>
      <p data-testid="pickup-status">{t(`communities.pickupStatus.${pickup.status}`)}</p>
      {code ? (
        <div className="pickup-code">
          <p>{t('communities.pickup.showCode')}</p>
          <p className="pickup-code-digits" data-testid="pickup-code" data-code={code}>
            {spacedCode(code)}
          </p>
          {qr ? (
            <img
              src={qr}
              alt={t('communities.pickup.qrAlt')}
              width={220}
              height={220}
              data-testid="pickup-qr"
            />
          ) : null}
          {pickup.collectBy ? (
            <p className="muted">{t('communities.pickup.collectBy', { time: when(pickup.collectBy) })}</p>
          ) : null}
        </div>
      ) : null}
      {pickup.collectedAt ? (
        <p className="muted">{t('communities.pickup.collectedAt', { time: when(pickup.collectedAt) })}</p>
      ) : null}
    </div>
  );
}
