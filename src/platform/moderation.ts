import type { Queryable, Tx } from './db.js';

/**
 * What people write in public (posts, comments, chat messages, reviews) can be reported and hidden.
 * Each owning module registers its kind here; the moderation module keeps the reports, the queue and
 * the bans, and reaches the content only through these registrations.
 */
export const MODERATED_TYPES = ['post', 'comment', 'chat_message', 'review'] as const;
export type ModeratedType = (typeof MODERATED_TYPES)[number];

/** One piece of content as the moderation queue shows it. */
export interface ModeratedItem {
  id: string;
  authorId: string;
  /** The text as typed (rendered escaped), cut to a preview by the owner if long. */
  text: string;
  createdAt: Date;
  hidden: boolean;
  /** Its page in the web app (e.g. `/posts/:id`), or null when it has none. */
  link: string | null;
}

export interface ModeratedKind {
  /** The items among `ids` that exist, by id. */
  describe(conn: Queryable, ids: readonly string[]): Promise<Map<string, ModeratedItem>>;
  /** Hides or restores one item; false when it does not exist. `reason` is kept with a hide. */
  setHidden(tx: Tx, id: string, hidden: boolean, reason: string | null): Promise<boolean>;
}

/** Throws the moderation module's refusal when the person may not post now (banned). */
export type PostingCheck = (conn: Queryable, userId: string) => Promise<void>;

export class Moderation {
  private readonly kinds = new Map<ModeratedType, ModeratedKind>();
  private postingCheck: PostingCheck | undefined;

  register(type: ModeratedType, kind: ModeratedKind): void {
    this.kinds.set(type, kind);
  }

  kind(type: ModeratedType): ModeratedKind | undefined {
    return this.kinds.get(type);
  }

  /** Set once by the moderation module; without it nobody is banned. */
  setPostingCheck(check: PostingCheck): void {
    this.postingCheck = check;
  }

  /** Modules call this before storing anything a person writes in public. */
  async assertMayPost(conn: Queryable, userId: string): Promise<void> {
    await this.postingCheck?.(conn, userId);
  }
}
