import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { Spinner } from '../../../components/spinner';
import {
  type CommunityStructure,
  type TeamStructure,
  useCommunityStructure,
  useTeamStructure,
  useTopTeams,
} from '../api/structure';
import { StructureChart } from '../components/structure-chart';
import { StructureMetrics } from '../components/structure-metrics';

/** The console's structure view: the largest teams, and one team or community drawn with its metrics. */
export function AdminStructurePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const promoter = params.get('promoter');
  const community = params.get('community');
  return (
    <section data-testid="admin-structure-page">
      <h1>{t('structure.title')}</h1>
      <p className="muted">{t('structure.intro')}</p>
      <div className="toolbar">
        <IdForm
          label={t('structure.promoterId')}
          testId="structure-promoter"
          onShow={(id) => setParams({ promoter: id })}
        />
        <IdForm
          label={t('structure.communityId')}
          testId="structure-community"
          onShow={(id) => setParams({ community: id })}
        />
      </div>
      {promoter ? <TeamView userId={promoter} /> : null}
      {community ? <CommunityView communityId={community} /> : null}
      <TopTeams onOpen={(id) => setParams({ promoter: id })} />
    </section>
  );
}

function IdForm({ label, testId, onShow }: { label: string; testId: string; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onShow(value.trim());
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label>
        {label}
        <input value={value} onChange={(e) => setValue(e.target.value)} data-testid={`${testId}-input`} />
      </label>
      <button type="submit" className="btn btn-small btn-outline" data-testid={`${testId}-show`}>
        {t('structure.show')}
      </button>
    </form>
  );
}

function Drawing({ data, title }: { data: TeamStructure | CommunityStructure; title: string }) {
  const { t } = useTranslation();
  return (
    <article className="card" data-testid="structure-view">
      <h2>{title}</h2>
      <StructureMetrics metrics={data.metrics} thresholds={data.thresholds} />
      {data.truncated ? <p className="muted">{t('structure.truncated')}</p> : null}
      <StructureChart nodes={data.nodes} links={data.links} shape={data.metrics.shape} />
    </article>
  );
}

function TeamView({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const team = useTeamStructure(userId);
  if (team.isPending) return <Spinner />;
  if (team.error) return <ErrorMessage error={team.error} />;
  return <Drawing data={team.data} title={t('structure.teamOf', { name: team.data.root.name })} />;
}

function CommunityView({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const community = useCommunityStructure(communityId);
  if (community.isPending) return <Spinner />;
  if (community.error) return <ErrorMessage error={community.error} />;
  return (
    <Drawing
      data={community.data}
      title={t('structure.communityOf', { name: community.data.community.name })}
    />
  );
}

function TopTeams({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const top = useTopTeams();
  const items = top.data?.items ?? [];
  return (
    <>
      <h2 className="section-title">{t('structure.topTitle')}</h2>
      <ListStatus
        pending={top.isPending}
        error={top.error}
        empty={items.length === 0}
        emptyTitle={t('structure.empty')}
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="structure-top-table">
            <thead>
              <tr>
                <th scope="col">{t('adminDistribution.promoter')}</th>
                <th scope="col">{t('structure.metrics.shape')}</th>
                <th scope="col">{t('structure.metrics.size')}</th>
                <th scope="col">{t('structure.metrics.depth')}</th>
                <th scope="col">{t('structure.metrics.breadth')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.user.id} data-testid="structure-top-row" data-shape={i.metrics.shape}>
                  <td data-label={t('adminDistribution.promoter')}>{i.user.name}</td>
                  <td data-label={t('structure.metrics.shape')}>{t(`structure.shape.${i.metrics.shape}`)}</td>
                  <td data-label={t('structure.metrics.size')}>{i.metrics.size}</td>
                  <td data-label={t('structure.metrics.depth')}>{i.metrics.depth}</td>
                  <td data-label={t('structure.metrics.breadth')}>{i.metrics.breadth}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => onOpen(i.user.id)}
                    >
                      {t('structure.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
