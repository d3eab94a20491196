import type { ReactNode } from 'react';
import type { CouponTerms } from '../types';
import { useCouponConditions, useCouponValue } from './coupon-terms';

interface CouponCardProps {
  title: string;
  terms: CouponTerms;
  /** Validity, badges: the small print under the conditions. */
  details?: ReactNode;
  /** The action on the right: claim button, status badge. */
  action?: ReactNode;
  faded?: boolean;
  testId?: string;
}

/** A coupon as a ticket: its value large on the left, what it is and when it applies beside it. */
export function CouponCard({ title, terms, details, action, faded, testId }: CouponCardProps) {
  const value = useCouponValue();
  const conditions = useCouponConditions();
  return (
    <article className={`coupon-card card${faded ? ' coupon-faded' : ''}`} data-testid={testId}>
      <div className="coupon-value" data-testid="coupon-value">
        {value(terms)}
      </div>
      <div className="coupon-body">
        <strong className="coupon-title">{title}</strong>
        <span className="muted">{conditions(terms)}</span>
        {details}
      </div>
      {action ? <div className="coupon-action">{action}</div> : null}
    </article>
  );
}
