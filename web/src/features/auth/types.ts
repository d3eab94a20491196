export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  inviteCode: string;
  invitedBy: string | null;
  /** The language notifications and emails are written in; the language switch sets it. */
  language: 'en' | 'zh-CN';
  createdAt: string;
}

export interface Session {
  user: User;
  token: string;
}

export const isAdmin = (user: User | null | undefined) => Boolean(user?.roles.includes('admin'));
