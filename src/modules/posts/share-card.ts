import type { ShareTargets, TargetCard } from '../sharing/index.js';
import type { PostsService } from './service.js';

const TITLE_CHARACTERS = 60;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A post's first line, cut to a title's length on a character (never inside an emoji). */
export function postTitle(body: string): string {
  const line = body.trim().split('\n', 1)[0]?.trim() ?? '';
  const characters = Array.from(segmenter.segment(line), (s) => s.segment);
  return characters.length > TITLE_CHARACTERS
    ? `${characters.slice(0, TITLE_CHARACTERS - 1).join('')}…`
    : line;
}

/**
 * Posts as shareable targets: share links, `/s/:code`, posters and the Open Graph head of
 * `/posts/:id` resolve through here. Only a published, visible post has a card (a draft or a hidden
 * post is unknown to strangers), as the post page says.
 */
export function registerPostTarget(targets: ShareTargets, posts: PostsService) {
  const card = async (id: string): Promise<TargetCard | undefined> => {
    try {
      const post = await posts.read(null, id);
      return {
        id: post.id,
        title: postTitle(post.body) || post.author.name,
        description: post.body,
        image: post.images[0] ?? post.products[0]?.image ?? null,
        price: null,
        path: `/posts/${encodeURIComponent(post.id)}`,
      };
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  targets.register('post', { byId: card, pageSegment: 'posts', byPageKey: card });
}
