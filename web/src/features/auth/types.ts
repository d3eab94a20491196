export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  inviteCode: string;
  invitedBy: string | null;
  createdAt: string;
}

export interface Session {
  user: User;
  token: string;
}

export const isAdmin = (user: User | null | undefined) => Boolean(user?.roles.includes('admin'));
