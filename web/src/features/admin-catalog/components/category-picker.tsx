import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../catalog';
import { useAdminCategories } from '../api/categories';

interface CategoryPickerProps {
  /** The chosen slug; '' for none. */
  value: string;
  onChange: (slug: string) => void;
  error?: string;
}

/** A select of the managed categories, in their order and named in the interface language. */
export function CategoryPicker({ value, onChange, error }: CategoryPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { data } = useAdminCategories();
  const items = data?.items ?? [];
  // A product saved before its category list loaded still shows what it has.
  const unknown = value && !items.some((c) => c.slug === value) ? value : null;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('adminCategories.picker')}</label>
      <select
        id={id}
        name="category"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-hint`}
        data-testid="category-picker"
      >
        <option value="">{t('adminCategories.none')}</option>
        {items.map((c) => (
          <option key={c.slug} value={c.slug}>
            {displayName(c.names, i18n.language)}
          </option>
        ))}
        {unknown ? <option value={unknown}>{unknown}</option> : null}
      </select>
      {error ? (
        <small id={`${id}-hint`} className="field-error" data-testid="error-category">
          {error}
        </small>
      ) : (
        <small id={`${id}-hint`} className="field-hint">
          {t('adminCategories.pickerHint')}
        </small>
      )}
    </div>
  );
}
