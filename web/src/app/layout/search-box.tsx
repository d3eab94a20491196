import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SearchIcon } from './icons';

/** Searches the storefront: submitting goes to `/?q=…`, so results are linkable. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current = params.get('q') ?? '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/?q=${encodeURIComponent(q)}` : '/');
  }

  return (
    <search className="search-box">
      <form onSubmit={submit}>
        <label htmlFor="site-search" className="visually-hidden">
          {t('common.search')}
        </label>
        <SearchIcon />
        <input
          id="site-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('nav.searchPlaceholder')}
          enterKeyHint="search"
          data-testid="search-input"
        />
      </form>
    </search>
  );
}
