import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { useAdminSections, useCreateSection } from '../api/admin-academy';
import { ModerationTable } from '../components/moderation-table';
import { SectionEditor } from '../components/section-editor';

const TABS = ['lessons', 'questions'] as const;

function NewSection() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const create = useCreateSection();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending || title.trim() === '') return;
    create.mutate(title, { onSuccess: () => setTitle('') });
  }
  return (
    <form className="card academy-form academy-new-section" onSubmit={submit}>
      <div className="field">
        <label htmlFor="section-title">{t('adminAcademy.newSection')}</label>
        <input
          id="section-title"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="section-title"
        />
      </div>
      <ErrorMessage error={create.error} />
      <button
        type="submit"
        className="btn btn-primary btn-small"
        disabled={create.isPending}
        data-testid="section-add"
      >
        {t('adminAcademy.addSection')}
      </button>
    </form>
  );
}

/** The console's academy: the sections and lessons editor, and moderating the Q&A board. */
export function AdminAcademyPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<(typeof TABS)[number]>('lessons');
  const sections = useAdminSections();
  const items = sections.data?.items ?? [];
  return (
    <section className="admin-page" data-testid="admin-academy">
      <h1>{t('adminAcademy.title')}</h1>
      <div className="chips tabs" role="tablist" aria-label={t('adminAcademy.title')}>
        {TABS.map((which) => (
          <button
            key={which}
            type="button"
            role="tab"
            aria-selected={which === tab}
            className={`chip${which === tab ? ' chip-active' : ''}`}
            onClick={() => setTab(which)}
            data-testid={`admin-academy-tab-${which}`}
          >
            {t(`adminAcademy.tabs.${which}`)}
          </button>
        ))}
      </div>
      {tab === 'lessons' ? (
        <>
          <ListStatus
            pending={sections.isPending}
            error={sections.error}
            empty={items.length === 0}
            emptyTitle={t('adminAcademy.noSections')}
          />
          {items.map((section) => (
            <SectionEditor key={section.id} section={section} />
          ))}
          <NewSection />
        </>
      ) : (
        <ModerationTable />
      )}
    </section>
  );
}
