import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { ImageUploadButton } from '../../../components/image-upload-button';
import { ProductImage } from '../../../components/product-image';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { useCreateMallItem, useUpdateMallItem } from '../api/admin-items';
import { type AdminMallItem, MALL_ITEM_KINDS, type MallItemKind } from '../types';

interface Draft {
  title: string;
  description: string;
  image: string | null;
  kind: MallItemKind;
  costPoints: string;
  stock: string;
  perPersonLimit: string;
  couponTemplateId: string;
  variantId: string;
}

const draftOf = (item: AdminMallItem | null): Draft => ({
  title: item?.title ?? '',
  description: item?.description ?? '',
  image: item?.image ?? null,
  kind: item?.kind ?? 'coupon',
  costPoints: item ? String(item.costPoints) : '',
  stock: item ? String(item.stock) : '',
  perPersonLimit: item?.perPersonLimit ? String(item.perPersonLimit) : '',
  couponTemplateId: item?.couponTemplateId ?? '',
  variantId: item?.variantId ?? '',
});

/** Numbers as typed: the server checks the ranges and answers field errors in the reader's words. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Creating an item (any kind) or editing one (its kind and what it gives stay as created). */
export function ItemForm({ item, onDone }: { item: AdminMallItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(item));
  const create = useCreateMallItem();
  const update = useUpdateMallItem();
  const mutation = item ? update : create;
  const errorAt = useFieldErrors(mutation.error);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const common = {
      title: draft.title,
      description: draft.description,
      image: draft.image,
      costPoints: numberOf(draft.costPoints),
      stock: numberOf(draft.stock),
      perPersonLimit: draft.perPersonLimit.trim() === '' ? null : numberOf(draft.perPersonLimit),
    };
    if (item) {
      update.mutate({ itemId: item.id, changes: common }, { onSuccess: onDone });
      return;
    }
    create.mutate(
      {
        ...common,
        kind: draft.kind,
        ...(draft.kind === 'coupon' ? { couponTemplateId: draft.couponTemplateId.trim() } : {}),
        ...(draft.kind === 'product' ? { variantId: draft.variantId.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="card mall-item-form" onSubmit={submit} noValidate data-testid="mall-item-form">
      <h2>
        {item
          ? t('adminPointsMall.form.titleEdit', { title: item.title })
          : t('adminPointsMall.form.titleNew')}
      </h2>
      <Field
        label={t('adminPointsMall.form.title')}
        name="title"
        value={draft.title}
        onChange={set('title')}
        error={errorAt('/title')}
      />
      <div className="field">
        <label htmlFor="mall-description">{t('adminPointsMall.form.description')}</label>
        <textarea
          id="mall-description"
          rows={3}
          maxLength={2000}
          value={draft.description}
          onChange={set('description')}
          data-testid="mall-item-description"
        />
      </div>
      {item ? (
        <p className="muted">{t('adminPointsMall.form.fixedKind')}</p>
      ) : (
        <div className="field">
          <label htmlFor="mall-kind">{t('adminPointsMall.form.kind')}</label>
          <select id="mall-kind" value={draft.kind} onChange={set('kind')} data-testid="mall-item-kind">
            {MALL_ITEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`pointsMall.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!item && draft.kind === 'coupon' ? (
        <Field
          label={t('adminPointsMall.form.couponTemplateId')}
          name="couponTemplateId"
          value={draft.couponTemplateId}
          onChange={set('couponTemplateId')}
          error={errorAt('/couponTemplateId')}
        />
      ) : null}
      {!item && draft.kind === 'product' ? (
        <Field
          label={t('adminPointsMall.form.variantId')}
          name="variantId"
          value={draft.variantId}
          onChange={set('variantId')}
          error={errorAt('/variantId')}
        />
      ) : null}
      <Field
        label={t('adminPointsMall.form.costPoints')}
        name="costPoints"
        inputMode="numeric"
        value={draft.costPoints}
        onChange={set('costPoints')}
        error={errorAt('/costPoints')}
      />
      <Field
        label={t('adminPointsMall.form.stock')}
        name="stock"
        inputMode="numeric"
        value={draft.stock}
        onChange={set('stock')}
        error={errorAt('/stock')}
      />
      <Field
        label={t('adminPointsMall.form.perPersonLimit')}
        name="perPersonLimit"
        inputMode="numeric"
        value={draft.perPersonLimit}
        onChange={set('perPersonLimit')}
        error={errorAt('/perPersonLimit')}
      />
      <fieldset className="field">
        <legend>{t('adminPointsMall.form.image')}</legend>
        {draft.image ? (
          <ProductImage src={draft.image} alt={draft.title} className="mall-card-image" />
        ) : null}
        <ImageUploadButton
          purpose="product"
          label={t('adminPointsMall.form.addImage')}
          onUploaded={(upload) => setDraft((d) => ({ ...d, image: upload.url }))}
        />
        {draft.image ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setDraft((d) => ({ ...d, image: null }))}
          >
            {t('adminPointsMall.form.removeImage')}
          </button>
        ) : null}
      </fieldset>
      <ErrorMessage error={mutation.error} />
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('adminPointsMall.form.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={mutation.isPending}
          data-testid="mall-item-save"
        >
          {t('adminPointsMall.form.save')}
        </button>
      </div>
    </form>
  );
}
