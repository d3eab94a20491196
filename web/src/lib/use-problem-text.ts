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

/** The translated error of one field (a JSON pointer such as "/email"), to show beneath its input. */
export function useFieldErrors(error: unknown) {
  const { i18n } = useTranslation();
  const money = useMoney();
  return (path: string): string | undefined => {
    const found = isApiError(error) ? error.fieldError(path) : undefined;
    return found ? fieldErrorText(found, { i18n, money }) : undefined;
  };
}

/** A field error the form found itself, worded like the server's (same field texts and rules). */
export function useFieldErrorText() {
  const { i18n } = useTranslation();
  const money = useMoney();
  return (error: FieldError) => fieldErrorText(error, { i18n, money });
}
