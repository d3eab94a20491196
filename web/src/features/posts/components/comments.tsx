import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { ListStatus } from '../../../components/list-status';
import { LoadMore } from '../../../components/load-more';
import { useDateTime } from '../../../lib/config';
import { allItems } from '../../../lib/paged-query';
import { useUser } from '../../auth';
import { ReportButton } from '../../moderation';
import { useAddComment, useComments, useDeleteComment } from '../api/comments';
import type { Comment } from '../types';

function CommentForm({
  postId,
  parentId,
  onDone,
}: {
  postId: string;
  parentId?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const add = useAddComment(postId);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(parentId ? { body, parentId } : { body }, {
      onSuccess: () => {
        setBody('');
        onDone?.();
      },
    });
  }
  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={2000}
        rows={2}
        aria-label={parentId ? t('posts.reply') : t('posts.comment')}
        placeholder={parentId ? t('posts.replyPlaceholder') : t('posts.commentPlaceholder')}
        data-testid={parentId ? 'reply-body' : 'comment-body'}
      />
      <button
        type="submit"
        className="btn btn-primary"
        disabled={add.isPending || !body.trim()}
        data-testid={parentId ? 'reply-send' : 'comment-send'}
      >
        {add.isPending ? t('common.working') : t('posts.send')}
      </button>
      <ErrorMessage error={add.error} />
    </form>
  );
}

function CommentItem({
  comment,
  postId,
  reply,
}: {
  comment: Comment | Comment['replies'][number];
  postId: string;
  reply?: boolean;
}) {
  const { t } = useTranslation();
  const { user } = useUser();
  const when = useDateTime();
  const [replying, setReplying] = useState(false);
  const remove = useDeleteComment();
  return (
    <li className={reply ? 'comment comment-reply' : 'comment'} data-testid="comment">
      <div className="comment-head">
        <Link to={`/users/${encodeURIComponent(comment.author.id)}`}>{comment.author.name}</Link>
        <small className="muted">{when(comment.createdAt)}</small>
      </div>
      <p className="comment-body plain-text">{comment.body}</p>
      <div className="comment-actions">
        {user && !reply ? (
          <button
            type="button"
            className="link-button"
            onClick={() => setReplying(!replying)}
            data-testid="reply-open"
          >
            {t('posts.reply')}
          </button>
        ) : null}
        {comment.mine ? (
          <button
            type="button"
            className="link-button"
            onClick={() => remove.mutate(comment.id)}
            disabled={remove.isPending}
          >
            {t('posts.deleteComment')}
          </button>
        ) : null}
        {user && !comment.mine ? <ReportButton type="comment" id={comment.id} /> : null}
      </div>
      <ErrorMessage error={remove.error} />
      {replying ? (
        <CommentForm postId={postId} parentId={comment.id} onDone={() => setReplying(false)} />
      ) : null}
      {'replies' in comment && comment.replies.length > 0 ? (
        <ul className="plain-list comment-replies">
          {comment.replies.map((r) => (
            <CommentItem key={r.id} comment={r} postId={postId} reply />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A post's comments with one level of replies, and the box to add one. */
export function Comments({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const comments = useComments(postId, user?.id);
  const items = allItems(comments.data);
  return (
    <section className="post-comments" data-testid="comments">
      <h2>{t('posts.comments')}</h2>
      {user ? (
        <CommentForm postId={postId} />
      ) : (
        <Link className="btn btn-outline" to={`/signin?next=${encodeURIComponent(`/posts/${postId}`)}`}>
          {t('posts.signInToComment')}
        </Link>
      )}
      <ListStatus
        pending={comments.isPending}
        error={comments.error}
        empty={items.length === 0}
        emptyTitle={t('posts.noComments')}
        emptyTestId="comments-empty"
      />
      <ul className="plain-list">
        {items.map((c) => (
          <CommentItem key={c.id} comment={c} postId={postId} />
        ))}
      </ul>
      <LoadMore pages={comments} />
    </section>
  );
}
