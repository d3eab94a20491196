import { useQuery } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type Overview = ResponseOf<'/api/admin/analytics/overview', 'get'>;
export type Funnel = ResponseOf<'/api/admin/analytics/funnel', 'get'>;
export type Daily = ResponseOf<'/api/admin/analytics/daily', 'get'>;
export type DailyRow = Daily['days'][number];
export type Fission = ResponseOf<'/api/admin/analytics/fission', 'get'>;

/** A period of whole UTC days, `to` inclusive; undefined sides take the server's default (the last 30 days). */
export interface PeriodFilter {
  from?: string;
  to?: string;
}

const query = (period: PeriodFilter) => ({ params: { query: period } });

export const useOverview = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-overview', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/overview', query(period))),
  });

export const useFunnel = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-funnel', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/funnel', query(period))),
  });

export const useDaily = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-daily', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/daily', query(period))),
  });

export const useFission = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-fission', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/fission', query(period))),
  });

export type Cohorts = ResponseOf<'/api/admin/analytics/cohorts', 'get'>;
export type Promoters = ResponseOf<'/api/admin/analytics/promoters', 'get'>;
export type Products = ResponseOf<'/api/admin/analytics/products', 'get'>;
export type Incentives = ResponseOf<'/api/admin/analytics/incentives', 'get'>;

export const useCohorts = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-cohorts', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/cohorts', query(period))),
  });

export const usePromoters = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-promoters', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/promoters', query(period))),
  });

export const useProducts = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-products', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/products', query(period))),
  });

export const useIncentives = (period: PeriodFilter) =>
  useQuery({
    queryKey: ['admin-analytics-incentives', period],
    queryFn: () => call(apiClient.GET('/api/admin/analytics/incentives', query(period))),
  });
