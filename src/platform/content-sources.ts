import type { Queryable } from './db.js';

/**
 * Content that can bring a sale: a post, a live room. The module that owns the content registers
 * how to find its owner; orders check that a named source exists, distribution credits its owner,
 * and no module reads another's tables. A kind nobody registered is unknown (the order is refused).
 */
export const CONTENT_SOURCE_TYPES = ['post', 'live'] as const;
export type ContentSourceType = (typeof CONTENT_SOURCE_TYPES)[number];

export interface ContentSource {
  type: ContentSourceType;
  id: string;
}

/** The user id of whoever a sale through this content credits (a post's author, a room's host), or undefined if it does not exist or is not public. */
export type ContentOwnerLookup = (conn: Queryable, id: string) => Promise<string | undefined>;

export class ContentSources {
  private readonly owners = new Map<ContentSourceType, ContentOwnerLookup>();

  register(type: ContentSourceType, lookup: ContentOwnerLookup): void {
    this.owners.set(type, lookup);
  }

  accepts(type: ContentSourceType): boolean {
    return this.owners.has(type);
  }

  async ownerOf(conn: Queryable, source: ContentSource): Promise<string | undefined> {
    return this.owners.get(source.type)?.(conn, source.id);
  }
}
