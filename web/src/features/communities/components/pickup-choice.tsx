import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyCommunity } from '../api/community';

/**
 * At checkout: deliver to an address, or collect at the buyer's community pickup point (no
 * shipping fee). Only a member collects there, so the choice shows once they have joined one.
 * A community group buy (`required`) is collected at its community only: no delivery choice.
 */
export function PickupChoice({
  value,
  onChange,
  required,
}: {
  value: string | null;
  onChange: (communityId: string | null) => void;
  required?: string;
}) {
  const { t } = useTranslation();
  const mine = useMyCommunity();
  const community = mine.data;
  if (required && community?.id !== required) {
    return mine.isSuccess ? (
      <p className="alert alert-info" data-testid="pickup-required">
        {t('communities.checkout.joinToCollect')}{' '}
        <Link to={`/communities/${required}`}>{t('communities.checkout.openCommunity')}</Link>
      </p>
    ) : null;
  }
  if (!community) {
    return mine.isSuccess ? (
      <p className="muted pickup-hint">
        <Link to="/communities">{t('communities.checkout.findCommunity')}</Link>
      </p>
    ) : null;
  }
  return (
    <fieldset className="card pickup-choice" data-testid="pickup-choice">
      <legend>{t('communities.checkout.howToReceive')}</legend>
      {required ? (
        <p className="muted">{t('communities.checkout.communityDeal')}</p>
      ) : (
        <label>
          <input type="radio" name="receive" checked={value === null} onChange={() => onChange(null)} />{' '}
          {t('communities.checkout.delivery')}
        </label>
      )}
      <label>
        <input
          type="radio"
          name="receive"
          checked={value === community.id}
          onChange={() => onChange(community.id)}
          data-testid="choose-pickup"
        />{' '}
        {t('communities.checkout.pickup', { point: community.pickupPoint.name })}
      </label>
      {value === community.id ? (
        <p className="muted" data-testid="pickup-summary">
          {community.pickupPoint.address}
          {community.pickupPoint.openingHours ? ` · ${community.pickupPoint.openingHours}` : ''}
          <br />
          {t('communities.checkout.noShippingFee')}
        </p>
      ) : null}
    </fieldset>
  );
}
