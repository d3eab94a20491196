import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { isAdmin, useUser } from '../../auth';
import { OrderStatusBadge } from '../../orders';
import { usePerson, usePersonAction } from '../api/people';
import { ROLES, type Role, RoleBadges } from '../components/roles';

/** One person as the console sees them, with the operator's actions on the account. */
export function AdminPersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const { user: me } = useUser();
  const page = usePerson(id);
  const action = usePersonAction(id);
  const [confirming, setConfirming] = useState<'disable' | 'enable' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (page.isPending) return <Spinner />;
  if (page.error || !page.data) return <ErrorMessage error={page.error} />;
  // Null for support staff: the fraud review is an admin's.
  const { person, flags } = page.data;
  const disabled = person.disabledAt !== null;
  const mayChangeRoles = isAdmin(me);

  function toggleRole(role: Role) {
    const has = person.roles.includes(role);
    setDone(null);
    action.mutate(
      { kind: has ? 'revoke' : 'grant', role },
      {
        onSuccess: () =>
          setDone(t(has ? 'people.roleRevoked' : 'people.roleGranted', { role: t(`people.roles.${role}`) })),
      },
    );
  }

  return (
    <section className="page person-page" data-testid="admin-person">
      <p>
        <Link to="/admin/people">{t('people.back')}</Link>
      </p>
      <div className="page-heading">
        <h1 data-testid="person-name">{person.name}</h1>
        {disabled ? (
          <span className="badge badge-disabled" data-testid="person-disabled">
            {t('people.disabledSince', { date: dateTime(person.disabledAt ?? '') })}
          </span>
        ) : null}
      </div>
      <p className="muted">
        {person.email} · {t('people.signedUpOn', { date: dateTime(person.createdAt) })}
      </p>
      {done ? (
        <p className="alert alert-success" role="status" data-testid="person-done">
          {done}
        </p>
      ) : null}
      <ErrorMessage error={action.error} />

      <div className="person-actions">
        {disabled ? (
          <button
            type="button"
            className="btn btn-outline"
            onClick={() => setConfirming('enable')}
            data-testid="person-enable"
          >
            {t('people.enable')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-outline btn-danger-outline"
            onClick={() => setConfirming('disable')}
            data-testid="person-disable"
          >
            {t('people.disable')}
          </button>
        )}
      </div>

      <Section title={t('people.roles.title')}>
        {mayChangeRoles ? (
          <div className="role-toggles" data-testid="person-roles">
            {ROLES.map((role) => {
              const has = person.roles.includes(role);
              return (
                <button
                  key={role}
                  type="button"
                  className={`chip${has ? ' chip-active' : ''}`}
                  aria-pressed={has}
                  disabled={action.isPending}
                  onClick={() => toggleRole(role)}
                  data-testid={`toggle-role-${role}`}
                >
                  {t(`people.roles.${role}`)}
                </button>
              );
            })}
          </div>
        ) : (
          <RoleBadges roles={person.roles} />
        )}
      </Section>

      <dl className="person-figures" data-testid="person-figures">
        <Figure label={t('people.spent')} value={money(person.spending.spent)} />
        <Figure label={t('people.paidOrders')} value={String(person.spending.orders)} />
        <Figure label={t('people.points')} value={String(page.data.points.balance)} />
        <Figure label={t('people.walletPending')} value={money(page.data.wallet.pending)} />
        <Figure label={t('people.walletAvailable')} value={money(page.data.wallet.available)} />
        <Figure label={t('people.walletWithdrawn')} value={money(page.data.wallet.withdrawn)} />
      </dl>

      <Section title={t('people.relations')}>
        <p>
          {t('people.invitedBy')}{' '}
          {page.data.invitedBy ? (
            <Link to={`/admin/people/${page.data.invitedBy.id}`}>{page.data.invitedBy.name}</Link>
          ) : (
            <span className="muted">{t('people.nobody')}</span>
          )}
        </p>
        <p data-testid="person-binding">
          {t('people.boundTo')}{' '}
          {page.data.binding ? (
            <Link to={`/admin/people/${page.data.binding.promoter.id}`}>
              {page.data.binding.promoter.name}
            </Link>
          ) : (
            <span className="muted">{t('people.nobody')}</span>
          )}
        </p>
      </Section>

      <Section title={t('people.latestOrders')} empty={page.data.orders.length === 0}>
        <ul className="person-list" data-testid="person-orders">
          {page.data.orders.map((o) => (
            <li key={o.id}>
              <Link to={`/admin/orders/${o.id}`}>{dateTime(o.createdAt)}</Link> {money(o.total)}{' '}
              <OrderStatusBadge status={o.status as never} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('people.commissions')} empty={page.data.commissions.length === 0}>
        <ul className="person-list" data-testid="person-commissions">
          {page.data.commissions.map((c) => (
            <li key={c.id}>
              {dateTime(c.createdAt)} · {t('people.level', { level: c.level })} · {money(c.amount)} ·{' '}
              {t(`people.commissionStatus.${c.status as 'pending' | 'settled' | 'reversed'}`)}
              {c.held ? ` · ${t('people.held')}` : ''} · {c.buyer.name}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('people.team')} empty={page.data.team.length === 0}>
        <ul className="person-list" data-testid="person-team">
          {page.data.team.map((m) => (
            <li key={m.id}>
              <Link to={`/admin/people/${m.id}`}>{m.name}</Link> · {dateTime(m.joinedAt)} ·{' '}
              {t('people.invitedCount', { count: m.invited })}
            </li>
          ))}
        </ul>
      </Section>

      {flags ? (
        <Section title={t('people.flags')} empty={flags.length === 0}>
          <ul className="person-list" data-testid="person-flags">
            {flags.map((f) => (
              <li key={f.commissionId}>
                <Link to={`/admin/orders/${f.orderId}`}>{dateTime(f.createdAt)}</Link> ·{' '}
                {f.signals.map((s) => t(`fraud.signal.${s as 'shared_ip'}`)).join(', ')}
                {f.held ? ` · ${t('people.held')}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming === 'enable' ? 'people.enableTitle' : 'people.disableTitle', {
          name: person.name,
        })}
        message={t(confirming === 'enable' ? 'people.enableMessage' : 'people.disableMessage')}
        confirmLabel={t(confirming === 'enable' ? 'people.enable' : 'people.disable')}
        danger={confirming === 'disable'}
        busy={action.isPending}
        testId="person-confirm"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          const kind = confirming;
          setDone(null);
          action.mutate(
            { kind },
            {
              onSuccess: () => setDone(t(kind === 'enable' ? 'people.enabled' : 'people.disabledDone')),
              onSettled: () => setConfirming(null),
            },
          );
        }}
      />
    </section>
  );
}

function Section({ title, empty, children }: { title: string; empty?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="person-section">
      <h2 className="section-title">{title}</h2>
      {empty ? <EmptyState title={t('people.nothingYet')} /> : children}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
