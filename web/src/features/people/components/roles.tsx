import { useTranslation } from 'react-i18next';

export const ROLES = ['admin', 'operator', 'shopkeeper', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const toRole = (value: string | null): Role | undefined =>
  (ROLES as readonly string[]).includes(value ?? '') ? (value as Role) : undefined;

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const known = roles.filter((r): r is Role => toRole(r) !== undefined);
  if (known.length === 0) return <span className="muted">{t('people.roles.none')}</span>;
  return (
    <span className="role-badges">
      {known.map((r) => (
        <span key={r} className="badge" data-testid={`role-${r}`}>
          {t(`people.roles.${r}`)}
        </span>
      ))}
    </span>
  );
}
