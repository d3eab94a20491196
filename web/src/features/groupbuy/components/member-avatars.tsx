import { useTranslation } from 'react-i18next';
import type { Person } from '../types';

/** Paid members as initials, then the empty seats still to fill. Never a made-up member. */
export function MemberAvatars({
  members,
  size,
}: {
  members: (Person & { leader?: boolean })[];
  size: number;
}) {
  const { t } = useTranslation();
  const empty = Math.max(0, size - members.length);
  return (
    <ul className="member-avatars" data-testid="group-members">
      {members.map((m) => (
        <li
          key={m.id}
          title={m.name}
          className={m.leader ? 'avatar avatar-leader' : 'avatar'}
          data-testid="group-member"
        >
          <span aria-hidden="true">{m.initial}</span>
          <span className="visually-hidden">{m.name}</span>
          {m.leader ? <small className="avatar-tag">{t('groupBuy.leader')}</small> : null}
        </li>
      ))}
      {Array.from({ length: Math.min(empty, 12) }, (_, i) => (
        // Empty seats have no identity: their position is their key.
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders in a fixed order
        <li key={`seat-${i}`} className="avatar avatar-empty" aria-label={t('groupBuy.emptySeat')}>
          ?
        </li>
      ))}
    </ul>
  );
}
