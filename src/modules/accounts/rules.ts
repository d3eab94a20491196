/** Pure account rules: what a valid email and password look like, and how emails compare. */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const ROLES = ['admin', 'shopkeeper', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const withRole = (roles: readonly string[], role: Role): string[] =>
  roles.includes(role) ? [...roles] : [...roles, role];
