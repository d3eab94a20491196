import { useTranslation } from 'react-i18next';
import { type FieldError, isApiError } from './api-error';
import { useMoney } from './config';
import { fieldErrorText, problemText } from './problem-text';

/** `problemText` bound to the reader's language and the platform currency. */
export function useProblemText() {
  const { i18n } = useTranslation();
  const money = useMoney();
  return (error: unknown) => problemText(error, { i18n, money });
}

/**
 * The translated error of one field (a JSON pointer such as "/email"), to show beneath its input:
 * what the form found itself before sending (`clientErrors`, worded like the server's), else the
 * server's field error.
 */
export function useFieldErrors(error: unknown, clientErrors: readonly FieldError[] = []) {
  const { i18n } = useTranslation();
  const money = useMoney();
  return (path: string): string | undefined => {
    const found =
      clientErrors.find((e) => e.path === path) ?? (isApiError(error) ? error.fieldError(path) : undefined);
    return found ? fieldErrorText(found, { i18n, money }) : undefined;
  };
}
