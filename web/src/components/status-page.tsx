import type { ReactNode } from 'react';

/** A whole-page message: not found, not allowed. */
export function StatusPage({
  title,
  children,
  testId,
}: {
  title: string;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <section className="status-page" data-testid={testId}>
      <h1>{title}</h1>
      {children}
    </section>
  );
}
