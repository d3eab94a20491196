import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useUser } from '../../auth';
import { ReportButton } from '../../moderation';
import { useSendMessage } from '../api/mutations';
import type { LiveMessage } from '../types';

/** The room's chat: messages as typed (React escapes them), the shared report button on others', and a box to write. */
export function Chat({
  roomId,
  messages,
  open,
}: {
  roomId: string;
  messages: readonly LiveMessage[];
  /** Whether people may still write (before and during the session). */
  open: boolean;
}) {
  const { t } = useTranslation();
  const { user } = useUser();
  const send = useSendMessage(roomId);
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const element = list.current;
    if (element && messages.length > 0) element.scrollTop = element.scrollHeight;
  }, [messages]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    send.mutate(text, { onSuccess: () => setText('') });
  }

  return (
    <section className="live-chat" aria-label={t('live.chat')}>
      <ol className="live-messages" ref={list} data-testid="live-messages">
        {messages.length === 0 ? <li className="muted">{t('live.noMessages')}</li> : null}
        {messages.map((m) => (
          <li key={m.id} className="live-message" data-testid="live-message">
            <span className="live-message-author">{m.author.name}</span>{' '}
            <span className="live-message-body" data-testid="live-message-body">
              {m.body}
            </span>
            {user && user.id !== m.author.id ? (
              <span className="live-report">
                <ReportButton type="chat_message" id={m.id} />
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {!open ? null : user ? (
        <form className="live-chat-form" onSubmit={submit}>
          <input
            value={text}
            maxLength={500}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('live.say')}
            aria-label={t('live.say')}
            data-testid="live-chat-input"
          />
          <button
            type="submit"
            className="btn btn-primary"
            disabled={send.isPending}
            data-testid="live-chat-send"
          >
            {t('live.send')}
          </button>
        </form>
      ) : (
        <p className="muted">
          <Link to={`/signin?next=${encodeURIComponent(`/live/${roomId}`)}`}>{t('live.signInToChat')}</Link>
        </p>
      )}
      {send.error ? <ErrorMessage error={send.error} /> : null}
    </section>
  );
}
