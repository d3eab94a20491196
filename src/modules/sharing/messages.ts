import type { Language } from '../accounts/index.js';
import { formatPrice, type TargetType } from './rules.js';
import type { CardFacts, TargetCard } from './targets.js';

/**
 * Every fixed text of posters, link previews and shared pages, per language: a poster speaks the
 * language of the person who shares it (their account's language), whoever opens it. Pure data and
 * functions of it; names and titles come in as they are and are escaped where they are drawn.
 */
export interface ShareMessages {
  /** The Intl locale prices are formatted in. */
  locale: string;
  /** The Open Graph locale (`og:locale`). */
  ogLocale: string;
  sharedBy: (name: string) => string;
  recommends: (name: string) => string;
  scan: Record<TargetType, string>;
  priceFrom: (price: string) => string;
  groupPrice: (price: string) => string;
  groupOpen: (leader: string, missing: number) => string;
  groupOf: (size: number) => string;
  storeBy: (store: string, owner: string) => string;
  disclosure: string;
  tagline: string;
  /** Drawn where a poster has no picture. */
  brand: string;
}

const en: ShareMessages = {
  locale: 'en',
  ogLocale: 'en_US',
  sharedBy: (name) => `Shared by ${name}`,
  recommends: (name) => `${name} recommends this`,
  scan: {
    product: 'Scan to buy',
    store: 'Scan to visit the store',
    group: 'Scan to join the group',
    post: 'Scan to open it',
  },
  priceFrom: (price) => `From ${price}`,
  groupPrice: (price) => `Group price ${price}`,
  groupOpen: (leader, missing) =>
    `Join ${leader}'s group: ${missing} more ${missing === 1 ? 'person' : 'people'} to unlock the group price`,
  groupOf: (size) => `A group buy of ${size}`,
  storeBy: (store, owner) => `${store} — a store by ${owner} on Fission`,
  disclosure: 'The person who shared this may earn a commission on purchases made through it.',
  tagline: 'Fission · shop, share, earn',
  brand: 'Fission',
};

const zhCN: ShareMessages = {
  locale: 'zh-CN',
  ogLocale: 'zh_CN',
  sharedBy: (name) => `${name} 分享`,
  recommends: (name) => `${name} 推荐`,
  scan: {
    product: '扫码购买',
    store: '扫码逛店',
    group: '扫码参团',
    post: '扫码查看',
  },
  priceFrom: (price) => `${price} 起`,
  groupPrice: (price) => `拼团价 ${price}`,
  groupOpen: (leader, missing) => `加入${leader}的团：还差 ${missing} 人即可享拼团价`,
  groupOf: (size) => `${size} 人团`,
  storeBy: (store, owner) => `${store} — ${owner} 在 Fission 开的店`,
  disclosure: '分享者可能会从通过此链接完成的购买中获得佣金。',
  tagline: 'Fission · 购物、分享、赚钱',
  brand: 'Fission',
};

export const SHARE_MESSAGES: Readonly<Record<Language, ShareMessages>> = { en, 'zh-CN': zhCN };

/** The texts of a language, English for anything unknown. */
export const messagesFor = (language: string | undefined): ShareMessages =>
  SHARE_MESSAGES[language as Language] ?? en;

/** A card's price line in the language: a product's lowest price ("From …" if variants differ), a group's deal price. */
export function priceLine(m: ShareMessages, card: TargetCard, currency: string): string | null {
  if (card.price === null) return null;
  const price = formatPrice(card.price, currency, m.locale);
  if (card.facts?.kind === 'group') return m.groupPrice(price);
  if (card.facts?.kind === 'product' && card.facts.priceVaries) return m.priceFrom(price);
  return price;
}

/** What a card says under its title: the owner's own text, else a line worded from its facts. */
export function describe(m: ShareMessages, card: TargetCard): string {
  if (card.description) return card.description;
  const facts: CardFacts | undefined = card.facts;
  if (facts?.kind === 'group')
    return facts.open ? m.groupOpen(facts.leaderName, facts.seatsMissing) : m.groupOf(facts.groupSize);
  if (facts?.kind === 'store') return m.storeBy(card.title, facts.ownerName);
  return card.title;
}

/** Every text a poster draws, worded in the sharer's language. */
export interface PosterTexts {
  heading: string;
  price: string | null;
  /** A group's state under the heading, or null. */
  note: string | null;
  sharedBy: string;
  scan: string;
  disclosure: string;
  tagline: string;
  brand: string;
}

export function posterTexts(
  m: ShareMessages,
  p: { type: TargetType; card: TargetCard | undefined; sharerName: string; currency: string },
): PosterTexts {
  const { card } = p;
  return {
    heading: card?.title ?? m.brand,
    price: card ? priceLine(m, card, p.currency) : null,
    note: card?.facts?.kind === 'group' ? describe(m, { ...card, description: null }) : null,
    sharedBy: m.sharedBy(p.sharerName),
    scan: m.scan[p.type],
    disclosure: m.disclosure,
    tagline: m.tagline,
    brand: m.brand,
  };
}

/** Every text a link preview draws; `recommender` is the sharer's name as strangers see it. */
export interface PreviewTexts {
  title: string;
  price: string | null;
  recommends: string | null;
  tagline: string;
}

export function previewTexts(
  m: ShareMessages,
  p: { card: TargetCard; recommender: string | null; currency: string },
): PreviewTexts {
  return {
    title: p.card.title,
    price: priceLine(m, p.card, p.currency),
    recommends: p.recommender === null ? null : m.recommends(p.recommender),
    tagline: m.tagline,
  };
}
