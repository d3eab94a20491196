/** Only same-site paths: `?next=https://evil.example` must not turn sign-in into an open redirect. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}
