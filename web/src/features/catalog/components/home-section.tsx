import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A home-page section: a heading, an optional "see all" link, and a row that scrolls sideways on a phone. */
export function HomeSection({
  title,
  hint,
  more,
  testId,
  children,
}: {
  title: string;
  hint?: string;
  more?: { to: string; label: string };
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="home-section" data-testid={testId} aria-label={title}>
      <header className="home-section-head">
        <h2>{title}</h2>
        {more ? (
          <Link to={more.to} className="home-section-more">
            {more.label}
          </Link>
        ) : null}
      </header>
      {hint ? <p className="muted home-section-hint">{hint}</p> : null}
      <div className="home-rail">{children}</div>
    </section>
  );
}
