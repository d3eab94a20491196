import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMoney } from '../../../lib/config';
import { countPinClick } from '../api/mutations';
import type { LivePin } from '../types';

/** The pinned product over the video: picture, title, price and a buy button that credits the room. */
export function PinCard({ roomId, pin }: { roomId: string; pin: LivePin }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (!pin.product) return null;
  const to = `/products/${encodeURIComponent(pin.product.id)}?live=${encodeURIComponent(roomId)}`;
  return (
    <div className="live-pin" data-testid="live-pin">
      {pin.product.image ? <img src={pin.product.image} alt="" className="live-pin-image" /> : null}
      <div className="live-pin-text">
        <strong data-testid="live-pin-title">{pin.product.title}</strong>
        <span className="live-pin-price" data-testid="live-pin-price">
          {money(pin.product.price)}
        </span>
      </div>
      <Link
        className="btn btn-primary btn-small"
        to={to}
        data-testid="live-pin-buy"
        onClick={() => countPinClick(roomId, pin.id)}
      >
        {t('live.buy')}
      </Link>
    </div>
  );
}
