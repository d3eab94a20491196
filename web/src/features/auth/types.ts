import type { ResponseOf } from '../../lib/api';

/** The signed-in person, as `GET /api/me` answers (generated from the server's schema). */
export type User = ResponseOf<'/api/me', 'get'>;
export type Session = ResponseOf<'/api/auth/login', 'post'>;

export const isAdmin = (user: User | null | undefined) => Boolean(user?.roles.includes('admin'));

/** Admins and support staff (`operator`) enter the console; what each may do there, the server decides. */
export const isStaff = (user: User | null | undefined) =>
  Boolean(user?.roles.includes('admin') || user?.roles.includes('operator'));
