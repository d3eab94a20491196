import type { ResponseOf } from '../../lib/api';

/** The signed-in person, as `GET /api/me` answers (generated from the server's schema). */
export type User = ResponseOf<'/api/me', 'get'>;
export type Session = ResponseOf<'/api/auth/login', 'post'>;

export const isAdmin = (user: User | null | undefined) => Boolean(user?.roles.includes('admin'));
