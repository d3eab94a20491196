import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useCurrency, useDateTime, useMoney } from '../../../lib/config';
import { minorDigits, parseDecimal } from '../../../lib/money';
import { allItems } from '../../../lib/paged-query';
import { type PeopleFilter, usePeople } from '../api/people';
import { ROLES, RoleBadges, toRole } from '../components/roles';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (value: string | null) => (value && DAY.test(value) ? value : undefined);

/** The console's people: search by email, name or phone; filter by role, sign-up days and spending. */
export function AdminPeoplePage() {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  const digits = minorDigits(useCurrency());
  const [params, setParams] = useSearchParams();
  const minSpent = Number(params.get('minSpent'));
  const filter: PeopleFilter = {
    q: params.get('q')?.trim() || undefined,
    role: toRole(params.get('role')),
    signedUpFrom: dayOf(params.get('from')),
    signedUpTo: dayOf(params.get('to')),
    minSpent: Number.isInteger(minSpent) && minSpent > 0 ? minSpent : undefined,
  };
  const [text, setText] = useState(filter.q ?? '');
  const [from, setFrom] = useState(filter.signedUpFrom ?? '');
  const [to, setTo] = useState(filter.signedUpTo ?? '');
  const [role, setRole] = useState<string>(filter.role ?? '');
  const [spent, setSpent] = useState(filter.minSpent ? String(filter.minSpent / 10 ** digits) : '');
  const people = usePeople(filter);
  const items = allItems(people.data);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (role) next.set('role', role);
    if (from) next.set('from', from);
    if (to) next.set('to', to);
    const minor = spent.trim() ? parseDecimal(spent.trim(), digits) : null;
    if (minor && minor > 0) next.set('minSpent', String(minor));
    setParams(next);
  }

  return (
    <section className="page" data-testid="admin-people">
      <h1>{t('people.title')}</h1>
      <search>
        <form className="people-filters" onSubmit={submit} data-testid="people-filters">
          <label className="people-search">
            <span className="visually-hidden">{t('common.search')}</span>
            <input
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('people.searchPlaceholder')}
              data-testid="people-search"
            />
          </label>
          <label>
            <span>{t('people.role')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="people-role">
              <option value="">{t('people.anyRole')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`people.roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('people.signedUpFrom')}</span>
            <input
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              data-testid="people-from"
            />
          </label>
          <label>
            <span>{t('people.signedUpTo')}</span>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="people-to" />
          </label>
          <label>
            <span>{t('people.minSpent')}</span>
            <input
              inputMode="decimal"
              value={spent}
              onChange={(e) => setSpent(e.target.value)}
              data-testid="people-min-spent"
            />
          </label>
          <button type="submit" className="btn btn-primary" data-testid="people-search-submit">
            {t('common.search')}
          </button>
        </form>
      </search>
      <ListStatus
        pending={people.isPending}
        error={people.error}
        empty={items.length === 0}
        emptyTitle={t('people.none')}
        emptyTestId="people-empty"
      />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stacked" data-testid="people-table">
            <thead>
              <tr>
                <th scope="col">{t('people.person')}</th>
                <th scope="col">{t('people.roles.title')}</th>
                <th scope="col">{t('people.signedUp')}</th>
                <th scope="col">{t('people.spent')}</th>
                <th scope="col">{t('people.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((person) => (
                <tr key={person.id} data-testid="person-row">
                  <td data-label={t('people.person')}>
                    <Link to={`/admin/people/${person.id}`} data-testid="person-link">
                      {person.name}
                    </Link>
                    <br />
                    <small className="muted">{person.email}</small>
                  </td>
                  <td data-label={t('people.roles.title')}>
                    <RoleBadges roles={person.roles} />
                  </td>
                  <td data-label={t('people.signedUp')}>{dateTime(person.createdAt)}</td>
                  <td data-label={t('people.spent')}>
                    {money(person.spending.spent)}{' '}
                    <small className="muted">{t('people.orders', { count: person.spending.orders })}</small>
                  </td>
                  <td data-label={t('people.status')}>
                    {person.disabledAt ? (
                      <span className="badge badge-disabled" data-testid="person-disabled">
                        {t('people.disabled')}
                      </span>
                    ) : (
                      <span className="badge">{t('people.active')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore pages={people} />
    </section>
  );
}
