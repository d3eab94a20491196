import { useFriendsBoughtOf } from '../api/recommendations';

/** "3 friends bought this" on a product card or page, when people the viewer knows bought it lately. */
export function FriendsBoughtBadge({ productId }: { productId: string }) {
  const badge = useFriendsBoughtOf(productId);
  if (!badge) return null;
  return (
    <span className="badge friends-bought-badge" data-testid="friends-bought-badge">
      {badge.text}
    </span>
  );
}
