import { formatDecimal, parseDecimal } from '../../../lib/money';
import type { AdminCompetition, CompetitionInput, Metric, Prize } from '../types';

/** A prize line as the form holds it: text fields, the bonus in major units as typed. */
export interface PrizeDraft {
  fromRank: string;
  toRank: string;
  kind: Prize['kind'];
  points: string;
  couponTemplateId: string;
  amount: string;
}

export interface CompetitionDraft {
  title: string;
  description: string;
  metric: Metric;
  startsAt: string;
  endsAt: string;
  prizes: PrizeDraft[];
}

/** `datetime-local` inputs hold local time without a zone; the API takes ISO instants. */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export const emptyPrize = (fromRank = 1): PrizeDraft => ({
  fromRank: String(fromRank),
  toRank: String(fromRank),
  kind: 'points',
  points: '',
  couponTemplateId: '',
  amount: '',
});

export function draftOf(c: AdminCompetition | undefined, digits: number, now = Date.now()): CompetitionDraft {
  const day = 86_400_000;
  return {
    title: c?.title ?? '',
    description: c?.description ?? '',
    metric: c?.metric ?? 'new_customers',
    startsAt: toLocalInput(c?.startsAt ?? new Date(now + day).toISOString()),
    endsAt: toLocalInput(c?.endsAt ?? new Date(now + 8 * day).toISOString()),
    prizes: (c?.prizes ?? []).map((p) => ({
      fromRank: String(p.fromRank),
      toRank: String(p.toRank),
      kind: p.kind,
      points: p.kind === 'points' ? String(p.points) : '',
      couponTemplateId: p.kind === 'coupon' ? p.couponTemplateId : '',
      amount: p.kind === 'commission_bonus' ? formatDecimal(p.amount, digits) : '',
    })),
  };
}

export type DraftProblem = { path: string; problem: 'required' | 'invalidWhole' | 'invalidAmount' };

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The draft as the API's body, or the fields the person must fix first. */
export function inputOf(
  draft: CompetitionDraft,
  digits: number,
): { input?: CompetitionInput; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  if (!draft.title.trim()) problems.push({ path: '/title', problem: 'required' });
  const instant = (text: string, path: string) => {
    const d = new Date(text);
    if (!text || Number.isNaN(d.getTime())) {
      problems.push({ path, problem: 'required' });
      return '';
    }
    return d.toISOString();
  };
  const startsAt = instant(draft.startsAt, '/startsAt');
  const endsAt = instant(draft.endsAt, '/endsAt');
  const prizes = draft.prizes.flatMap((p, i): Prize[] => {
    const fromRank = whole(p.fromRank);
    const toRank = whole(p.toRank);
    if (!fromRank) problems.push({ path: `/prizes/${i}/fromRank`, problem: 'invalidWhole' });
    if (!toRank) problems.push({ path: `/prizes/${i}/toRank`, problem: 'invalidWhole' });
    const ranks = { fromRank: fromRank ?? 1, toRank: toRank ?? 1 };
    if (p.kind === 'points') {
      const points = whole(p.points);
      if (!points) problems.push({ path: `/prizes/${i}/points`, problem: 'invalidWhole' });
      return [{ ...ranks, kind: 'points', points: points ?? 0 }];
    }
    if (p.kind === 'coupon') {
      if (!p.couponTemplateId) problems.push({ path: `/prizes/${i}/couponTemplateId`, problem: 'required' });
      return [{ ...ranks, kind: 'coupon', couponTemplateId: p.couponTemplateId }];
    }
    const amount = parseDecimal(p.amount, digits);
    if (!amount) problems.push({ path: `/prizes/${i}/amount`, problem: 'invalidAmount' });
    return [{ ...ranks, kind: 'commission_bonus', amount: amount ?? 0 }];
  });
  if (problems.length > 0) return { problems };
  return {
    problems,
    input: {
      title: draft.title.trim(),
      description: draft.description.trim(),
      metric: draft.metric,
      startsAt,
      endsAt,
      prizes,
    },
  };
}
