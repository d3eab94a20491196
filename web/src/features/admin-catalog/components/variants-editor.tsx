import { useTranslation } from 'react-i18next';
import { newVariantDraft, type VariantDraft } from './product-draft';

interface VariantsEditorProps {
  variants: VariantDraft[];
  onChange: (variants: VariantDraft[]) => void;
  errorAt: (path: string) => string | undefined;
  currency: string;
  /** The live stock of saved variants, shown read-only: saving the product never changes it. */
  stockOf?: (variantId: string) => number | undefined;
}

const columns = ['sku', 'title', 'price', 'stock'] as const;

/** Rows of variants. Saved variants cannot be removed (orders refer to them); set stock to 0 instead. */
export function VariantsEditor({ variants, onChange, errorAt, currency, stockOf }: VariantsEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<VariantDraft>) =>
    onChange(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  const label = (column: (typeof columns)[number]) =>
    column === 'price'
      ? t('admin.product.priceIn', { currency })
      : column === 'title'
        ? t('admin.product.variantTitle')
        : t(`admin.product.${column}`);

  return (
    <fieldset className="variants-editor">
      <legend>{t('admin.product.variants')}</legend>
      <p className="muted">{t('admin.product.variantsHint')}</p>
      {variants.map((variant, index) => (
        <div className="variant-row" key={variant.key} data-testid="variant-row">
          {columns.map((column) => {
            const id = `variant-${variant.key}-${column}`;
            const error = errorAt(`/variants/${index}/${column}`);
            if (column === 'stock' && variant.id) {
              return (
                <div key={column} className="field">
                  <span className="field-label">{label(column)}</span>
                  <output className="variant-stock-readonly" data-testid="variant-stock-readonly">
                    {stockOf?.(variant.id) ?? variant.stock}
                  </output>
                  <small className="field-hint">{t('stock.readOnly')}</small>
                </div>
              );
            }
            return (
              <div key={column} className={`field${error ? ' field-invalid' : ''}`}>
                <label htmlFor={id}>{label(column)}</label>
                <input
                  id={id}
                  name={`variants.${index}.${column}`}
                  inputMode={column === 'price' ? 'decimal' : column === 'stock' ? 'numeric' : undefined}
                  value={variant[column]}
                  onChange={(e) => update(index, { [column]: e.target.value })}
                  aria-invalid={Boolean(error)}
                  data-testid={`variant-${column}`}
                />
                {error ? <small className="field-error">{error}</small> : null}
              </div>
            );
          })}
          <button
            type="button"
            className="btn btn-link variant-remove"
            onClick={() => onChange(variants.filter((_, i) => i !== index))}
            disabled={Boolean(variant.id) || variants.length === 1}
            title={variant.id ? t('admin.product.savedVariantStays') : undefined}
          >
            {t('admin.product.removeVariant')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-outline btn-small"
        onClick={() => onChange([...variants, newVariantDraft()])}
        data-testid="add-variant"
      >
        {t('admin.product.addVariant')}
      </button>
    </fieldset>
  );
}
