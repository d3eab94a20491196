import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { Field } from '../../../components/field';
import { useFieldErrors } from '../../../lib/use-problem-text';
import { CATEGORY_ICON_NAMES, CategoryIcon, type CategoryIconName } from '../../catalog';
import { type AdminCategory, useCreateCategory, useUpdateCategory } from '../api/categories';

interface CategoryFormProps {
  /** The category to edit; a new one when absent. */
  category?: AdminCategory;
  onDone?: () => void;
}

/** Names in both languages and an icon; the slug is made by the server from the English name. */
export function CategoryForm({ category, onDone }: CategoryFormProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const save = category ? update : create;
  const [en, setEn] = useState(category?.names.en ?? '');
  const [zh, setZh] = useState(category?.names['zh-CN'] ?? '');
  const [icon, setIcon] = useState<CategoryIconName>(category?.icon ?? 'tag');
  const errorAt = useFieldErrors(save.error);
  const name = category ? (i18n.language === 'zh-CN' ? category.names['zh-CN'] : category.names.en) : '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const names = { en: en.trim(), 'zh-CN': zh.trim() };
    if (category) {
      update.mutate({ slug: category.slug, patch: { names, icon } }, { onSuccess: () => onDone?.() });
    } else {
      create.mutate(
        { names, icon },
        {
          onSuccess: () => {
            setEn('');
            setZh('');
            setIcon('tag');
            onDone?.();
          },
        },
      );
    }
  }

  return (
    <form className="admin-form card category-form" onSubmit={submit} noValidate data-testid="category-form">
      <h2 className="section-title">
        {category ? t('adminCategories.editTitle', { name }) : t('adminCategories.newTitle')}
      </h2>
      <div className="form-row">
        <Field
          label={t('adminCategories.nameEn')}
          name="nameEn"
          value={en}
          onChange={(e) => setEn(e.target.value)}
          error={errorAt('/names/en')}
          maxLength={40}
          lang="en"
          required
        />
        <Field
          label={t('adminCategories.nameZh')}
          name="nameZh"
          value={zh}
          onChange={(e) => setZh(e.target.value)}
          error={errorAt('/names/zh-CN')}
          maxLength={40}
          lang="zh-CN"
          required
        />
      </div>
      <fieldset className="field category-icons">
        <legend>{t('adminCategories.icon')}</legend>
        <div className="chips">
          {CATEGORY_ICON_NAMES.map((option) => (
            <label
              key={option}
              className={`chip category-icon-choice${option === icon ? ' chip-active' : ''}`}
              title={t(`adminCategories.icons.${option}`)}
            >
              <input
                type="radio"
                className="visually-hidden"
                name="icon"
                value={option}
                checked={option === icon}
                onChange={() => setIcon(option)}
                data-testid={`category-icon-${option}`}
              />
              <CategoryIcon name={option} size={20} />
              <span className="visually-hidden">{t(`adminCategories.icons.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        {category ? (
          <button type="button" className="btn btn-ghost" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="category-save"
        >
          {save.isPending
            ? t('common.working')
            : category
              ? t('adminCategories.save')
              : t('adminCategories.add')}
        </button>
      </div>
    </form>
  );
}
