import { useProblemText } from '../lib/use-problem-text';

/** What went wrong, in the reader's language: the refusal's reason worded with its params. */
export function ErrorMessage({ error }: { error: unknown }) {
  const describe = useProblemText();
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert" data-testid="error-message">
      {describe(error)}
    </p>
  );
}
