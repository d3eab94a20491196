import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { Spinner } from './spinner';

interface ListStatusProps {
  pending: boolean;
  error: unknown;
  /** True once loaded with nothing in it. */
  empty: boolean;
  emptyTitle: string;
  emptyTestId?: string;
  /** What to do about the emptiness: a hint or a call to action. */
  children?: ReactNode;
}

/** The loading, failed and empty states every list page shows the same way. */
export function ListStatus({ pending, error, empty, emptyTitle, emptyTestId, children }: ListStatusProps) {
  if (pending) return <Spinner />;
  if (error) return <ErrorMessage error={error} />;
  if (!empty) return null;
  return (
    <EmptyState title={emptyTitle} testId={emptyTestId}>
      {children}
    </EmptyState>
  );
}
