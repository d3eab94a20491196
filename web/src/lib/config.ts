import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiClient, call, type ResponseOf } from './api';
import { formatMoney } from './money';

export type PublicConfig = ResponseOf<'/api/config', 'get'>;

const getConfig = () => call(apiClient.GET('/api/config'));

export function useConfig() {
  return useQuery({ queryKey: ['config'], queryFn: getConfig, staleTime: Number.POSITIVE_INFINITY });
}

/** The platform currency; CNY (the server's default) until the config has loaded. */
export function useCurrency(): string {
  return useConfig().data?.currency ?? 'CNY';
}

/** Formats minor units in the platform currency and the reader's language. */
export function useMoney(): (minor: number) => string {
  const currency = useCurrency();
  const { i18n } = useTranslation();
  return (minor) => formatMoney(minor, currency, i18n.language);
}

/** Formats an ISO time in the reader's language and the operator's time zone. */
export function useDateTime(): (iso: string) => string {
  const timeZone = useConfig().data?.timeZone;
  const { i18n } = useTranslation();
  return (iso) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
}
