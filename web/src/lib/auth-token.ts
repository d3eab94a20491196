const KEY = 'fission.token';

/** The session token lives in localStorage so a reload keeps the buyer signed in. */
export const authToken = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (token: string) => localStorage.setItem(KEY, token),
  clear: () => localStorage.removeItem(KEY),
};
