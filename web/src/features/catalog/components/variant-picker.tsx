import { useTranslation } from 'react-i18next';
import type { Variant } from '../types';

interface VariantPickerProps {
  variants: Variant[];
  selectedId: string | undefined;
  onSelect: (variant: Variant) => void;
}

export function VariantPicker({ variants, selectedId, onSelect }: VariantPickerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="variant-picker">
      <legend>{t('catalog.variant')}</legend>
      <div className="chips">
        {variants.map((variant) => (
          <button
            key={variant.id}
            type="button"
            className={`chip chip-variant${variant.id === selectedId ? ' chip-active' : ''}${variant.stock === 0 ? ' chip-soldout' : ''}`}
            aria-pressed={variant.id === selectedId}
            onClick={() => onSelect(variant)}
            data-testid="variant-option"
          >
            {variant.title || variant.sku}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
