import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Spinner } from '../../../components/spinner';
import { useDateTime, useMoney } from '../../../lib/config';
import { ATTENTION_KINDS, type AttentionItem, type AttentionKind, useAttention } from '../api/get-attention';

/** The operator's list of what keeps failing or needs a person, as cards that read on a phone. */
export function AdminAttentionPage() {
  const { t } = useTranslation();
  const attention = useAttention();
  const [kind, setKind] = useState<AttentionKind | null>(null);
  const items = attention.data?.items ?? [];
  const shown = kind ? items.filter((i) => i.kind === kind) : items;
  const present = ATTENTION_KINDS.filter((k) => (attention.data?.counts[k] ?? 0) > 0);

  return (
    <section data-testid="admin-attention">
      <h1>{t('adminAttention.title')}</h1>
      <p className="muted">{t('adminAttention.intro')}</p>
      {present.length > 0 ? (
        <div className="chips attention-filter" role="toolbar" aria-label={t('adminAttention.title')}>
          <button
            type="button"
            className={`chip${kind === null ? ' chip-active' : ''}`}
            aria-pressed={kind === null}
            onClick={() => setKind(null)}
          >
            {t('adminAttention.all')} · {items.length}
          </button>
          {present.map((k) => (
            <button
              key={k}
              type="button"
              className={`chip${kind === k ? ' chip-active' : ''}`}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
              data-testid={`attention-filter-${k}`}
            >
              {t(`adminAttention.kind.${k}`)} · {attention.data?.counts[k]}
            </button>
          ))}
        </div>
      ) : null}
      {attention.isPending ? <Spinner /> : null}
      <ErrorMessage error={attention.error} />
      {attention.isSuccess && items.length === 0 ? (
        <EmptyState title={t('adminAttention.none')} testId="attention-empty" />
      ) : null}
      {shown.length > 0 ? (
        <ul className="attention-list">
          {shown.map((item) => (
            <AttentionCard key={`${item.kind}:${item.id}`} item={item} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AttentionCard({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const money = useMoney();
  const dateTime = useDateTime();
  return (
    <li
      className={`card attention-item attention-${item.kind}`}
      data-testid="attention-item"
      data-kind={item.kind}
    >
      <div className="attention-head">
        <strong>{t(`adminAttention.kind.${item.kind}`)}</strong>
        {item.amount !== null ? <span className="price">{money(item.amount)}</span> : null}
      </div>
      <p className="muted">{t(`adminAttention.hint.${item.kind}`)}</p>
      {item.detail ? <p className="attention-detail">{item.detail}</p> : null}
      <p className="attention-meta muted">
        <span>{t('adminAttention.since', { time: dateTime(item.since) })}</span>
        {item.attempts !== null ? (
          <span>{t('adminAttention.attempts', { count: item.attempts })}</span>
        ) : null}
        {item.orderId ? (
          <Link to={`/admin/orders/${item.orderId}`}>
            {t('adminAttention.order')} <code>{item.orderId.slice(-8)}</code>
          </Link>
        ) : null}
      </p>
    </li>
  );
}
