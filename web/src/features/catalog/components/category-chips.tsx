import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/get-categories';

interface CategoryChipsProps {
  selected: string | undefined;
  onSelect: (slug: string | undefined) => void;
}

export function CategoryChips({ selected, onSelect }: CategoryChipsProps) {
  const { t } = useTranslation();
  const { data } = useCategories();
  const chips = [
    { slug: undefined, label: t('catalog.all') },
    ...(data?.items ?? []).map((c) => ({ slug: c.slug, label: c.slug })),
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
        >
          {chip.label}
        </button>
      ))}
    </div>
  );
}
