/** Inline icons: decorative, so hidden from assistive technology; the link text names the target. */
const common = {
  width: 22,
  height: 22,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const HomeIcon = () => (
  <svg aria-hidden="true" {...common}>
    <path d="M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" />
  </svg>
);
export const DiscoverIcon = () => (
  <svg aria-hidden="true" {...common}>
    <rect x="3" y="3" width="7" height="9" rx="1" />
    <rect x="14" y="3" width="7" height="5" rx="1" />
    <rect x="14" y="12" width="7" height="9" rx="1" />
    <rect x="3" y="16" width="7" height="5" rx="1" />
  </svg>
);
export const CartIcon = () => (
  <svg aria-hidden="true" {...common}>
    <circle cx="9" cy="20" r="1.5" />
    <circle cx="18" cy="20" r="1.5" />
    <path d="M2 3h3l2.5 12h11L21 7H6" />
  </svg>
);
export const UserIcon = () => (
  <svg aria-hidden="true" {...common}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
  </svg>
);
export const OrdersIcon = () => (
  <svg aria-hidden="true" {...common}>
    <rect x="4" y="3" width="16" height="18" rx="2" />
    <path d="M8 8h8M8 12h8M8 16h5" />
  </svg>
);
export const SearchIcon = () => (
  <svg aria-hidden="true" {...common} width={18} height={18}>
    <circle cx="11" cy="11" r="7" />
    <path d="M20 20l-4-4" />
  </svg>
);
/** The promoter centre: a coin with a rising arrow, "share and earn". */
export const EarnIcon = () => (
  <svg aria-hidden="true" {...common}>
    <circle cx="10" cy="13" r="7" />
    <path d="M10 10v6M8 11.5h3a1.5 1.5 0 0 1 0 3H8" />
    <path d="M15 4h5v5M20 4l-5 5" />
  </svg>
);
export const GlobeIcon = () => (
  <svg aria-hidden="true" {...common} width={16} height={16}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z" />
  </svg>
);
