import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { useShopPopulation } from '../api/simulations';
import type { ShopPreview } from '../types';
import { type PopulationDraft, SHOP_RATE_FIELDS, type ShopRateField } from './draft';

const RATE_OF: Record<ShopRateField, keyof ShopPreview['rates']> = {
  shareRate: 'shareRate',
  visitRate: 'visitRate',
  orderRate: 'orderRate',
  repeatRate: 'repeatRate',
  averageOrderValue: 'averageOrderValue',
  margin: 'marginBps',
};

/**
 * "This shop": its size and the rates measured from its data, each shown as the field's placeholder
 * with where it came from; typing a value overrides it, blank keeps the measured one.
 */
export function ShopPopulationFields({
  draft,
  digits,
  onChange,
}: {
  draft: PopulationDraft;
  digits: number;
  onChange: (next: PopulationDraft) => void;
}) {
  const { t } = useTranslation();
  const shop = useShopPopulation(true);
  if (shop.isPending) return <p className="muted">{t('simulator.shop.loading')}</p>;
  if (shop.error || !shop.data) return <ErrorMessage error={shop.error} />;
  const preview = shop.data;
  const shown = (field: ShopRateField) => {
    const { value } = preview.rates[RATE_OF[field]];
    return field === 'averageOrderValue' ? (value / 10 ** digits).toFixed(digits) : String(value / 100);
  };
  return (
    <div data-testid="simulator-shop">
      <p className="muted" data-testid="simulator-shop-size">
        {t('simulator.shop.size', {
          people: preview.people.toLocaleString(),
          friendships: preview.friendships.toLocaleString(),
          customers: preview.seedCustomers.toLocaleString(),
        })}
        <small className="muted-block">
          {t('simulator.shop.window', {
            from: preview.window.from,
            to: preview.window.to,
            days: preview.window.days,
          })}
        </small>
      </p>
      {preview.people === 0 ? <p className="muted">{t('simulator.shop.empty')}</p> : null}
      <div className="simulator-grid">
        {SHOP_RATE_FIELDS.map((field) => {
          const rate = preview.rates[RATE_OF[field]];
          return (
            <Field
              key={field}
              label={t(`simulator.fields.${field}`)}
              name={`shop-${field}`}
              inputMode="decimal"
              placeholder={shown(field)}
              hint={t(`simulator.shop.source.${rate.source}`, { value: shown(field) })}
              value={draft.shop[field]}
              onChange={(e) => onChange({ ...draft, shop: { ...draft.shop, [field]: e.target.value } })}
            />
          );
        })}
      </div>
    </div>
  );
}
