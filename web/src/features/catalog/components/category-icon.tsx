import type { ReactNode } from 'react';
import type { Category } from '../types';

export type CategoryIconName = Category['icon'];

/**
 * The fixed set of category icons the API accepts, drawn inline so nothing is downloaded. The
 * record is keyed by the API's enum: an icon added on the server fails the build until drawn here.
 */
const PATHS: Record<CategoryIconName, ReactNode> = {
  tag: (
    <>
      <path d="M3 12V4h8l10 10-8 8z" />
      <circle cx="7.5" cy="7.5" r="1.5" />
    </>
  ),
  leaf: <path d="M5 20c0-9 6-15 15-15 0 9-6 15-15 15zM5 20l8-8" />,
  cup: <path d="M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM16 10h2a2 2 0 0 1 0 4h-2M8 3v3M12 3v3" />,
  cookie: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9 9h.01M15 10h.01M10 15h.01M14.5 15h.01" />
    </>
  ),
  utensils: <path d="M7 3v18M4 3v5a3 3 0 0 0 6 0V3M17 21V3c-2 1-3 4-3 8h3" />,
  home: <path d="M3 11l9-7 9 7M5 9.5V20h14V9.5M10 20v-5h4v5" />,
  sparkles: <path d="M11 3l2 6 6 2-6 2-2 6-2-6-6-2 6-2zM19 3v4M17 5h4" />,
  device: (
    <>
      <rect x="6" y="2" width="12" height="20" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  shirt: <path d="M8 3 3 7l3 4 2-1v11h8V10l2 1 3-4-5-4c-.5 2-2 3-4 3S8.5 5 8 3z" />,
  gift: (
    <path d="M3 8h18v4H3zM5 12v9h14v-9M12 8v13M12 8C10 4 6 4 6 6.5S12 8 12 8zm0 0c2-4 6-4 6-1.5S12 8 12 8z" />
  ),
  heart: <path d="M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 9c0 6-8 11-8 11z" />,
  star: <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z" />,
  book: <path d="M4 5a2 2 0 0 1 2-2h14v15H6a2 2 0 0 0-2 2zM4 20a2 2 0 0 0 2 1h14v-3" />,
  basket: <path d="M3 10h18l-2 10H5zM8 10l4-6 4 6M9 14v2M15 14v2" />,
};

export const CATEGORY_ICON_NAMES = Object.keys(PATHS) as CategoryIconName[];

/** A category's icon, decorative (its name is always shown beside it). */
export function CategoryIcon({ name, size = 18 }: { name: string; size?: number }) {
  const paths = PATHS[name as CategoryIconName] ?? PATHS.tag;
  return (
    <svg
      aria-hidden="true"
      className="category-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {paths}
    </svg>
  );
}
