import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import type { FieldError } from '../../../lib/api-error';
import { useCurrency } from '../../../lib/config';
import { minorDigits } from '../../../lib/money';
import { useFieldErrors } from '../../../lib/use-problem-text';
import type { Product } from '../../catalog';
import { useSaveProduct } from '../api/save-product';
import { CategoryPicker } from './category-picker';
import { draftOf, emptyDraft, type ProductDraft, toProductInput } from './product-draft';
import { ProductImagesEditor } from './product-images-editor';
import { VariantsEditor } from './variants-editor';

interface ProductFormProps {
  product?: Product;
  onSaved: (product: Product) => void;
}

const CLIENT_MESSAGES = ['invalidPrice', 'invalidStock', 'invalidPercent'] as const;

export function ProductForm({ product, onSaved }: ProductFormProps) {
  const { t } = useTranslation();
  const currency = useCurrency();
  const digits = minorDigits(currency);
  const save = useSaveProduct();
  const [draft, setDraft] = useState<ProductDraft>(() => (product ? draftOf(product, digits) : emptyDraft()));
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const set =
    (key: 'title' | 'description' | 'commissionPercent' | 'leaderPercent') =>
    (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [key]: e.target.value }));

  const fieldErrorAt = useFieldErrors(save.error, clientErrors);
  function errorAt(path: string): string | undefined {
    const own = clientErrors.find((e) => e.path === path);
    const known = CLIENT_MESSAGES.find((m) => m === own?.message);
    if (known) return t(`admin.product.errors.${known}`);
    return fieldErrorAt(path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors } = toProductInput(draft, digits);
    setClientErrors(errors);
    if (!input) return;
    save.mutate({ id: product?.id, input }, { onSuccess: onSaved });
  }

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="product-form">
      <Field
        label={t('admin.product.title')}
        name="title"
        value={draft.title}
        onChange={set('title')}
        error={errorAt('/title')}
        required
      />
      <div className={`field${errorAt('/description') ? ' field-invalid' : ''}`}>
        <label htmlFor="product-description">{t('admin.product.description')}</label>
        <textarea
          id="product-description"
          name="description"
          rows={5}
          value={draft.description}
          onChange={set('description')}
        />
      </div>
      <div className="form-row">
        <CategoryPicker
          value={draft.category}
          onChange={(category) => setDraft((d) => ({ ...d, category }))}
          error={errorAt('/category')}
        />
        <Field
          label={t('admin.product.commission')}
          name="commissionPercent"
          inputMode="decimal"
          value={draft.commissionPercent}
          onChange={set('commissionPercent')}
          hint={t('admin.product.commissionHint')}
          error={errorAt('/commissionRateBps')}
        />
        <Field
          label={t('admin.product.leaderRate')}
          name="leaderPercent"
          inputMode="decimal"
          value={draft.leaderPercent}
          onChange={set('leaderPercent')}
          hint={t('admin.product.leaderRateHint')}
          error={errorAt('/leaderRateBps')}
        />
        <label className="checkbox-field">
          <input
            type="checkbox"
            name="repurchase"
            data-testid="product-repurchase"
            checked={draft.repurchase}
            onChange={(e) => setDraft((d) => ({ ...d, repurchase: e.target.checked }))}
          />{' '}
          {t('adminRecommendations.repurchase')}
          <small className="muted"> {t('adminRecommendations.repurchaseHint')}</small>
        </label>
      </div>
      <ProductImagesEditor images={draft.images} onChange={(images) => setDraft((d) => ({ ...d, images }))} />
      <VariantsEditor
        variants={draft.variants}
        onChange={(variants) => setDraft((d) => ({ ...d, variants }))}
        errorAt={errorAt}
        currency={currency}
        stockOf={(id) => product?.variants.find((v) => v.id === id)?.stock}
      />
      {clientErrors.length > 0 ? (
        <p className="alert alert-error" role="alert">
          {t('admin.product.fixErrors')}
        </p>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="admin-product-save"
        >
          {save.isPending ? t('common.working') : t('admin.product.save')}
        </button>
      </div>
    </form>
  );
}
