import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { Spinner } from '../../../components/spinner';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useProductShipping, useSetProductShipping, useShippingTemplates } from '../api/admin-shipping';

interface Props {
  productId: string;
  variants: readonly { id: string; sku: string; title?: string | null }[];
}

/** The product page's shipping: the template it ships under (or the default) and each variant's weight. */
export function ProductShippingPanel({ productId, variants }: Props) {
  const current = useProductShipping(productId);
  const templates = useShippingTemplates();
  // Here, not in the form: the form starts afresh from each saved state, the "saved" notice stays.
  const save = useSetProductShipping(productId);
  if (current.isPending || templates.isPending) return <Spinner />;
  if (!current.data || !templates.data) return <ErrorMessage error={current.error ?? templates.error} />;
  return (
    <ShippingForm
      key={JSON.stringify(current.data)}
      productId={productId}
      variants={variants}
      templateId={current.data.templateId}
      weights={current.data.weights}
      templates={templates.data.items}
      save={save}
    />
  );
}

function ShippingForm({
  variants,
  templateId,
  weights,
  templates,
  save,
}: Props & {
  save: ReturnType<typeof useSetProductShipping>;
  templateId: string | null;
  weights: readonly { variantId: string; grams: number }[];
  templates: readonly { id: string; name: string; isDefault: boolean; basis: string }[];
}) {
  const { t } = useTranslation();
  const errorAt = useFieldErrors(save.error);
  const [chosen, setChosen] = useState(templateId ?? '');
  const [grams, setGrams] = useState<Record<string, string>>(
    Object.fromEntries(
      variants.map((v) => [v.id, String(weights.find((w) => w.variantId === v.id)?.grams ?? '')]),
    ),
  );
  const fallback = templates.find((tpl) => tpl.isDefault);
  const byWeight = templates.find((tpl) => tpl.id === (chosen || fallback?.id))?.basis === 'weight';

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      templateId: chosen === '' ? null : chosen,
      weights: variants.flatMap((v) => {
        const text = grams[v.id]?.trim() ?? '';
        return text === '' ? [] : [{ variantId: v.id, grams: Number(text) }];
      }),
    });
  }

  return (
    <form className="card admin-form" onSubmit={submit} noValidate data-testid="product-shipping">
      <h2>{t('adminShipping.productTitle')}</h2>
      <div className="field">
        <label htmlFor="product-shipping-template">{t('adminShipping.template')}</label>
        <select
          id="product-shipping-template"
          name="shippingTemplate"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="product-shipping-template"
        >
          <option value="">
            {fallback ? t('adminShipping.useDefault', { name: fallback.name }) : t('adminShipping.shipsFree')}
          </option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </select>
      </div>
      {byWeight ? <p className="muted small">{t('adminShipping.weightsHint')}</p> : null}
      {variants.map((v, i) => (
        <Field
          key={v.id}
          label={t('adminShipping.weightOf', { variant: v.title || v.sku })}
          name={`weight-${v.id}`}
          inputMode="numeric"
          value={grams[v.id] ?? ''}
          onChange={(e) => setGrams((g) => ({ ...g, [v.id]: e.target.value }))}
          error={errorAt(`/weights/${i}/grams`)}
        />
      ))}
      <ErrorMessage error={save.error} />
      {save.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="product-shipping-saved">
          {t('adminShipping.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.isPending}
        data-testid="save-product-shipping"
      >
        {save.isPending ? t('common.working') : t('adminShipping.save')}
      </button>
    </form>
  );
}
