import { usePagedQuery } from '../../../lib/paged-query';
import type { ShareLinkWithStats } from '../types';

export const useMyShareLinks = () =>
  usePagedQuery<ShareLinkWithStats>(['my-share-links'], '/api/me/share-links');
