/** What an inviter gets when someone they invited pays for their first order. */
export type InvitationReward =
  | { kind: 'none' }
  | { kind: 'points'; points: number }
  | { kind: 'coupon'; couponTemplateId: string };

export interface PaidOrderFacts {
  inviterId: string | null;
  /** Whether the buyer had an order paid before this one (even if later refunded). */
  paidBefore: boolean;
}

/**
 * Whom to reward for this paid order, and with what; null when nobody. Only an invited person's
 * first paid order counts, never the sign-up itself: rewarding sign-ups pays for recruiting.
 */
export function rewardDue(
  setting: InvitationReward,
  facts: PaidOrderFacts,
): { inviterId: string; reward: Exclude<InvitationReward, { kind: 'none' }> } | null {
  if (setting.kind === 'none' || facts.inviterId === null || facts.paidBefore) return null;
  return { inviterId: facts.inviterId, reward: setting };
}
