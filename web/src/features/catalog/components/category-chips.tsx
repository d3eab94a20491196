import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/get-categories';
import { CategoryIcon } from './category-icon';
import { displayName } from './category-name';

interface CategoryChipsProps {
  selected: string | undefined;
  onSelect: (slug: string | undefined) => void;
}

export function CategoryChips({ selected, onSelect }: CategoryChipsProps) {
  const { t, i18n } = useTranslation();
  const { data } = useCategories();
  const chips = [
    { slug: undefined, label: t('catalog.all'), icon: undefined },
    ...(data?.items ?? []).map((c) => ({
      slug: c.slug,
      label: displayName(c.names, i18n.language),
      icon: c.icon,
    })),
  ];
  return (
    <div className="chips" role="toolbar" aria-label={t('catalog.categories')}>
      {chips.map((chip) => (
        <button
          key={chip.slug ?? ''}
          type="button"
          className={`chip${chip.slug === selected ? ' chip-active' : ''}`}
          aria-pressed={chip.slug === selected}
          onClick={() => onSelect(chip.slug)}
          data-testid="category-chip"
          data-slug={chip.slug}
        >
          {chip.icon ? <CategoryIcon name={chip.icon} size={16} /> : null}
          {chip.label}
        </button>
      ))}
    </div>
  );
}
