import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useUser } from '../../auth';
import { useBecomeLeader, useCreateCommunity, useLeaderStanding, useLedCommunities } from '../api/leader';
import { isLeader } from '../types';

/** Step by step: become a leader, open a community, then run it (or the ones one helps at). */
export function LeaderPage() {
  const { t } = useTranslation();
  const { user } = useUser();
  const leader = isLeader(user?.roles);
  const led = useLedCommunities(Boolean(user));
  return (
    <section className="page narrow" data-testid="leader-page">
      <h1>{t('communities.leader.title')}</h1>
      {led.isPending ? <Spinner /> : null}
      {led.data && led.data.length > 0 ? (
        <ul className="plain-list">
          {led.data.map((c) => (
            <li key={c.id} className="card">
              <Link to={`/leader/${c.id}`} data-testid="led-community">
                <strong>{c.name}</strong>
              </Link>
              <p className="muted">
                {c.viewer.leader ? t('communities.leader.youLead') : t('communities.leader.youHelp')} ·{' '}
                {t('communities.members', { count: c.membersCount })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {leader ? <NewCommunity /> : <BecomeLeader />}
    </section>
  );
}

function BecomeLeader() {
  const { t } = useTranslation();
  const apply = useBecomeLeader();
  const standing = useLeaderStanding();
  if (apply.data?.status === 'pending' || standing.data?.status === 'pending')
    return (
      <p className="alert alert-warning" role="status" data-testid="leader-pending">
        {t('communities.leader.pending')}
      </p>
    );
  return (
    <div className="card">
      {standing.data?.status === 'rejected' ? (
        <p className="alert alert-warning" role="status">
          {t('communities.leader.rejected')} {standing.data.reason ?? ''}
        </p>
      ) : null}
      <h2>{t('communities.leader.becomeTitle')}</h2>
      <p>{t('communities.leader.becomeText')}</p>
      <ErrorMessage error={apply.error} />
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={apply.isPending}
        onClick={() => apply.mutate()}
        data-testid="become-leader"
      >
        {apply.isPending ? t('common.working') : t('communities.leader.become')}
      </button>
    </div>
  );
}

function NewCommunity() {
  const { t } = useTranslation();
  const create = useCreateCommunity();
  const [form, setForm] = useState({
    name: '',
    pointName: '',
    address: '',
    hours: '',
    description: '',
    cutoff: '20:00',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        name: form.name,
        description: form.description || null,
        cutoffTime: form.cutoff,
        pickupPoint: { name: form.pointName, address: form.address, openingHours: form.hours || null },
      },
      {
        onSuccess: () =>
          setForm({ ...form, name: '', pointName: '', address: '', hours: '', description: '' }),
      },
    );
  }
  return (
    <form className="card" onSubmit={submit} data-testid="new-community">
      <h2>{t('communities.leader.newTitle')}</h2>
      <label className="field">
        <span>{t('communities.form.name')}</span>
        <input required value={form.name} onChange={set('name')} data-testid="community-name" />
      </label>
      <label className="field">
        <span>{t('communities.form.pointName')}</span>
        <input required value={form.pointName} onChange={set('pointName')} data-testid="point-name" />
      </label>
      <label className="field">
        <span>{t('communities.form.address')}</span>
        <input required value={form.address} onChange={set('address')} data-testid="point-address" />
      </label>
      <label className="field">
        <span>{t('communities.form.hours')}</span>
        <input value={form.hours} onChange={set('hours')} placeholder="9:00–20:00" />
      </label>
      <label className="field">
        <span>{t('communities.form.cutoff')}</span>
        <input type="time" required value={form.cutoff} onChange={set('cutoff')} />
      </label>
      <label className="field">
        <span>{t('communities.form.description')}</span>
        <textarea value={form.description} onChange={set('description')} rows={3} />
      </label>
      <ErrorMessage error={create.error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={create.isPending}
        data-testid="create-community"
      >
        {create.isPending ? t('common.working') : t('communities.leader.create')}
      </button>
    </form>
  );
}
