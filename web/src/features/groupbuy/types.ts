/** Group buying as the API shows it (see src/modules/groupbuy/schemas.ts). */
export type GroupStatus = 'open' | 'succeeded' | 'failed';
export type OrderGroupStatus = 'waiting' | 'succeeded' | 'failed' | 'left';

/** Another person as the group page shows them: a masked name and an initial, never an id. */
export interface Person {
  name: string;
  initial: string;
  /** This is the signed-in viewer. */
  you: boolean;
}

export interface ProductRef {
  id: string;
  title: string;
  image: string | null;
}

export interface Campaign {
  id: string;
  variantId: string;
  productId: string;
  groupSize: number;
  price: number;
  leaderPrice: number | null;
  regularPrice: number | null;
  durationMinutes: number;
  perUserLimit: number | null;
  startsAt: string | null;
  endsAt: string | null;
  status: 'active' | 'closed';
  running: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface GroupSummary {
  id: string;
  leader: Person;
  groupSize: number;
  paidMembers: number;
  seatsLeft: number;
  expiresAt: string;
}

export interface PublicCampaign extends Campaign {
  product: ProductRef;
  openGroups: GroupSummary[];
}

export interface AdminCampaign extends Campaign {
  product: ProductRef;
  stats: { open: number; succeeded: number; failed: number; members: number };
}

export interface Group {
  id: string;
  campaignId: string;
  status: GroupStatus;
  groupSize: number;
  members: (Person & { joinedAt: string; leader: boolean })[];
  paidMembers: number;
  seatsLeft: number;
  expiresAt: string;
  price: number;
  leaderPrice: number | null;
  regularPrice: number | null;
  product: ProductRef;
  variantId: string;
  leader: Person;
  completedByPlatform: boolean;
  createdAt: string;
  decidedAt: string | null;
}

export interface MyGroupBuy {
  orderId: string;
  role: 'leader' | 'member';
  status: OrderGroupStatus;
  group: Group;
}

export interface NewCampaign {
  variantId: string;
  groupSize: number;
  price: number;
  durationMinutes: number;
  leaderPrice?: number | null;
  perUserLimit?: number | null;
}
