import { parseDecimal } from '../../../lib/money';
import type { Population, Scheme } from '../types';

/** A scheme as the form holds it: text as typed, percentages and money in major units. */
export interface SchemeDraft {
  name: string;
  levels: [string, string, string];
  groupSize: string;
  groupDiscount: string;
  invitationReward: string;
  couponOff: string;
  couponMinSpend: string;
  policyProfile: Scheme['policyProfile'];
}

/** The rates a shop population may override; blank keeps what the shop's data says. */
export const SHOP_RATE_FIELDS = [
  'shareRate',
  'visitRate',
  'orderRate',
  'repeatRate',
  'averageOrderValue',
  'margin',
] as const;
export type ShopRateField = (typeof SHOP_RATE_FIELDS)[number];

export interface PopulationDraft {
  /** `synthetic`: a network drawn from the seed; `shop`: this shop's own people and rates. */
  kind: 'synthetic' | 'shop';
  /** The operator's overrides of the shop's measured rates, as typed (blank: measured). */
  shop: Record<ShopRateField, string>;
  people: string;
  degree: 'power-law' | 'poisson';
  meanDegree: string;
  seedCustomers: string;
  shareRate: string;
  visitRate: string;
  orderRate: string;
  repeatRate: string;
  averageOrderValue: string;
  margin: string;
  weeks: string;
  runs: string;
  seed: string;
}

export const schemeA: SchemeDraft = {
  name: 'A',
  levels: ['10', '', ''],
  groupSize: '',
  groupDiscount: '',
  invitationReward: '5',
  couponOff: '',
  couponMinSpend: '',
  policyProfile: 'default',
};

export const schemeB: SchemeDraft = {
  name: 'B',
  levels: ['8', '4', ''],
  groupSize: '3',
  groupDiscount: '15',
  invitationReward: '',
  couponOff: '10',
  couponMinSpend: '50',
  policyProfile: 'cn-strict',
};

export const defaultPopulation: PopulationDraft = {
  kind: 'synthetic',
  shop: { shareRate: '', visitRate: '', orderRate: '', repeatRate: '', averageOrderValue: '', margin: '' },
  people: '100000',
  degree: 'power-law',
  meanDegree: '8',
  seedCustomers: '100',
  shareRate: '25',
  visitRate: '30',
  orderRate: '15',
  repeatRate: '5',
  averageOrderValue: '99',
  margin: '35',
  weeks: '12',
  runs: '50',
  seed: '1',
};

/** Percent text → basis points; blank is 0. Bad text becomes NaN, which the server refuses by field. */
export const bps = (text: string) => (text.trim() === '' ? 0 : Math.round(Number(text) * 100));
const int = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const minor = (text: string, digits: number) =>
  text.trim() === '' ? 0 : (parseDecimal(text, digits) ?? Number.NaN);

/** Trailing blank levels are dropped, so "10, blank, blank" is a one-level scheme. */
export function schemeOf(d: SchemeDraft, digits: number): Scheme {
  const levels = [...d.levels];
  while (levels.length > 0 && (levels.at(-1) ?? '').trim() === '') levels.pop();
  const groupSize = d.groupSize.trim() === '' ? 0 : int(d.groupSize);
  const couponOff = minor(d.couponOff, digits);
  return {
    name: d.name,
    commissionBps: levels.map(bps),
    groupBuy: groupSize > 0 ? { size: groupSize, discountBps: bps(d.groupDiscount) } : null,
    invitationReward: minor(d.invitationReward, digits),
    coupon: couponOff > 0 ? { amountOff: couponOff, minSpend: minor(d.couponMinSpend, digits) } : null,
    policyProfile: d.policyProfile,
  };
}

export type SyntheticPopulation = Extract<Population, { kind: 'synthetic' }>;
export type ShopPopulation = Extract<Population, { kind: 'shop' }>;

/** The shop population: only the rates the operator typed go out, the rest are measured. */
export function shopPopulationOf(d: PopulationDraft, digits: number): ShopPopulation {
  const out: ShopPopulation = { kind: 'shop' };
  const given = (field: ShopRateField) => d.shop[field].trim() !== '';
  if (given('shareRate')) out.shareRate = bps(d.shop.shareRate);
  if (given('visitRate')) out.visitRate = bps(d.shop.visitRate);
  if (given('orderRate')) out.orderRate = bps(d.shop.orderRate);
  if (given('repeatRate')) out.repeatRate = bps(d.shop.repeatRate);
  if (given('averageOrderValue')) out.averageOrderValue = minor(d.shop.averageOrderValue, digits);
  if (given('margin')) out.marginBps = bps(d.shop.margin);
  return out;
}

export function populationOf(d: PopulationDraft, digits: number): SyntheticPopulation {
  return {
    kind: 'synthetic',
    people: int(d.people),
    degree: d.degree,
    meanDegree: int(d.meanDegree),
    seedCustomers: int(d.seedCustomers),
    shareRate: bps(d.shareRate),
    visitRate: bps(d.visitRate),
    orderRate: bps(d.orderRate),
    repeatRate: bps(d.repeatRate),
    averageOrderValue: minor(d.averageOrderValue, digits),
    marginBps: bps(d.margin),
  };
}
