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
      {members.map((m, i) => (
        <li
          // Members carry no ids; they are listed in the fixed order they joined.
          // biome-ignore lint/suspicious/noArrayIndexKey: join order is stable
          key={i}
          title={m.you ? t('privacy.you') : m.name}
          className={`avatar${m.leader ? ' avatar-leader' : ''}${m.you ? ' avatar-you' : ''}`}
          data-testid="group-member"
        >
          <span aria-hidden="true">{m.initial}</span>
          <span className="visually-hidden">{m.you ? t('privacy.you') : m.name}</span>
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
