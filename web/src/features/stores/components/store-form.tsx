import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { ImageUploadButton } from '../../../components/image-upload-button';
import { ProductImage } from '../../../components/product-image';
import { type FieldError, isApiError } from '../../../lib/api-error';
import { useFieldErrors, useProblemText } from '../../../lib/use-problem-text';
import { useSaveStore } from '../api/save-store';
import type { Store, StoreInput } from '../types';

const draftOf = (store: Store | undefined) => ({
  name: store?.name ?? '',
  slug: store?.slug ?? '',
  logo: store?.logo ?? '',
  logoUploadId: undefined as string | undefined,
  intro: store?.intro ?? '',
});

const toInput = (draft: ReturnType<typeof draftOf>): StoreInput => ({
  name: draft.name.trim(),
  slug: draft.slug.trim().toLowerCase(),
  logo: draft.logo.trim() || null,
  ...(draft.logoUploadId ? { logoUploadId: draft.logoUploadId } : {}),
  intro: draft.intro.trim() || null,
});

// The server's slug rule (stores/rules.ts), checked here first; reserved words only the server knows.
const SLUG_PATTERN = /^[a-z0-9](-?[a-z0-9])*$/;

/** What the server's schema would refuse, as its field errors, so the form words them the same way. */
function checkInput(input: StoreInput, opening: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.name) errors.push({ path: '/name', message: '', rule: 'required' });
  if (!opening) return errors;
  if (!input.slug) errors.push({ path: '/slug', message: '', rule: 'required' });
  else if (input.slug.length < 3)
    errors.push({ path: '/slug', message: '', rule: 'minLength', params: { limit: 3 } });
  else if (input.slug.length > 40)
    errors.push({ path: '/slug', message: '', rule: 'maxLength', params: { limit: 40 } });
  else if (!SLUG_PATTERN.test(input.slug)) errors.push({ path: '/slug', message: '', rule: 'pattern' });
  return errors;
}

/** Opens a store (name, address, logo, intro) or edits one; the address is fixed once opened. */
export function StoreForm({ store, onSaved }: { store?: Store; onSaved?: (store: Store) => void }) {
  const { t } = useTranslation();
  const describe = useProblemText();
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const save = useSaveStore();
  const [draft, setDraft] = useState(() => draftOf(store));
  const set = (key: 'name' | 'slug' | 'intro') => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const error = save.error;
  const errorAt = useFieldErrors(error, clientErrors);
  // A taken address is a refusal without a field path; it belongs beside the address all the same.
  const slugTaken = isApiError(error) && error.reason === 'slug_taken';
  const slugError = errorAt('/slug') ?? (slugTaken ? describe(error) : undefined);
  const hasFieldErrors =
    clientErrors.length > 0 || (isApiError(error) && (error.errors.length > 0 || slugTaken));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = toInput(draft);
    const errors = checkInput(input, !store);
    setClientErrors(errors);
    if (errors.length > 0) return;
    save.mutate({ id: store?.id, input }, { onSuccess: onSaved });
  }

  return (
    <form className="card" onSubmit={submit} noValidate data-testid="store-form">
      <h2>{store ? t('stores.editTitle') : t('stores.openTitle')}</h2>
      <Field
        label={t('stores.name')}
        name="name"
        value={draft.name}
        onChange={set('name')}
        error={errorAt('/name')}
        maxLength={60}
        required
      />
      <Field
        label={t('stores.slug')}
        name="slug"
        value={draft.slug}
        onChange={set('slug')}
        error={slugError}
        hint={store ? t('stores.slugFixed') : t('stores.slugHint')}
        disabled={Boolean(store)}
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <fieldset className="field store-logo-field" data-testid="store-logo">
        <legend>{t('uploads.logo')}</legend>
        {draft.logo ? (
          <div className="store-logo-preview">
            <ProductImage src={draft.logo} alt={t('uploads.logo')} className="store-logo" sizes="96px" />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setDraft((d) => ({ ...d, logo: '', logoUploadId: undefined }))}
            >
              {t('uploads.removeLogo')}
            </button>
          </div>
        ) : (
          <p className="field-hint">{t('uploads.noLogo')}</p>
        )}
        <ImageUploadButton
          purpose="store_logo"
          label={t('uploads.uploadLogo')}
          testId="store-logo-file"
          onUploaded={(upload) => setDraft((d) => ({ ...d, logo: upload.url, logoUploadId: upload.id }))}
        />
        {errorAt('/logo') ? <small className="field-error">{errorAt('/logo')}</small> : null}
      </fieldset>
      <div className={`field${errorAt('/intro') ? ' field-invalid' : ''}`}>
        <label htmlFor="store-intro">{t('stores.intro')}</label>
        <textarea
          id="store-intro"
          name="intro"
          rows={4}
          maxLength={1000}
          value={draft.intro}
          onChange={set('intro')}
        />
        {errorAt('/intro') ? <small className="field-error">{errorAt('/intro')}</small> : null}
      </div>
      {hasFieldErrors ? (
        <p className="alert alert-error" role="alert">
          {t('stores.fixErrors')}
        </p>
      ) : (
        <ErrorMessage error={error} />
      )}
      {save.isSuccess ? (
        <p className="alert alert-success" role="status" data-testid="store-saved">
          {t('stores.saved')}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={save.isPending}
        data-testid="store-save"
      >
        {save.isPending ? t('common.working') : store ? t('stores.save') : t('stores.open')}
      </button>
    </form>
  );
}
