import { Type } from 'typebox';
import { AppError } from './errors.js';
import { defineReasons } from './reasons.js';

/**
 * Market policy profiles (POLICY_PROFILE): what a shop may do depends on where, and through which
 * platform, it sells. A profile is a table of rules that the features consult: distribution caps its
 * levels and total payout, bargains and share-to-unlock refuse to start where they are forbidden, and
 * share pages carry the disclosure a profile requires. Each rule names its source, shown to the
 * operator in the console.
 *
 * Switching profiles never rewrites the past: a rule is applied when something new starts (an order
 * is priced, a bargain opened, a commission recorded), never to orders and commissions that exist.
 */
export const POLICY_PROFILES = ['default', 'wechat', 'cn-strict', 'us-ftc', 'eu'] as const;
export type PolicyProfileName = (typeof POLICY_PROFILES)[number];

export interface PolicyRules {
  /** Commission levels paid on one order, 1..3 (the platform's hard cap is 3). */
  maxCommissionLevels: 1 | 2 | 3;
  /** All commission on one order together, in basis points of what the buyer paid for the goods. */
  payoutCapBps: number;
  /** "Help me cut the price": rewards for friends' help. */
  bargains: boolean;
  /** A coupon or price unlocked by sharing (rather than by buying). */
  shareToUnlock: boolean;
  /** Rewards for collecting likes. */
  likeCollecting: boolean;
  /** Pay for the act of sharing itself (not for a sale the share brought). */
  paidSharing: boolean;
  /** Rewards paid for recruiting people (sign-ups), rather than for sales. */
  recruitmentRewards: boolean;
  /** A disclosure shown wherever a promoter's link or content is shown; null when none is required. */
  disclosure: string | null;
}

export type PolicyRule = keyof PolicyRules;

export interface PolicyProfile {
  name: PolicyProfileName;
  /** What the profile is for, in a line the console shows. */
  description: string;
  rules: PolicyRules;
  /** Where each rule comes from (a law, a platform's terms), for the rules this profile sets. */
  sources: Partial<Record<PolicyRule, string>>;
}

const OPEN: PolicyRules = {
  maxCommissionLevels: 3,
  payoutCapBps: 10_000,
  bargains: true,
  shareToUnlock: true,
  likeCollecting: true,
  paidSharing: true,
  recruitmentRewards: true,
  disclosure: null,
};

const AFFILIATE_DISCLOSURE = 'The person who shared this may earn a commission on purchases made through it.';

const WECHAT_TERMS = 'WeChat External Link Content Management Rules (微信外部链接内容管理规范): 诱导分享';

export const POLICY_TABLE: Readonly<Record<PolicyProfileName, PolicyProfile>> = {
  default: {
    name: 'default',
    description: 'No market rules beyond the platform’s own limits (three commission levels at most).',
    rules: OPEN,
    sources: { maxCommissionLevels: 'Fission: commission never reaches beyond three levels' },
  },
  wechat: {
    name: 'wechat',
    description: 'Selling inside WeChat (official accounts, mini programs, links opened in WeChat).',
    rules: {
      ...OPEN,
      maxCommissionLevels: 2,
      bargains: false,
      shareToUnlock: false,
      likeCollecting: false,
      paidSharing: false,
      recruitmentRewards: false,
    },
    sources: {
      maxCommissionLevels: 'WeChat Mini Program Platform Operation Rules (微信小程序平台运营规范): 多级分销',
      bargains: WECHAT_TERMS,
      shareToUnlock: WECHAT_TERMS,
      likeCollecting: WECHAT_TERMS,
      paidSharing: WECHAT_TERMS,
      recruitmentRewards: WECHAT_TERMS,
    },
  },
  'cn-strict': {
    name: 'cn-strict',
    description: 'Mainland China with a wide margin from the anti-pyramid-selling rules.',
    rules: { ...OPEN, maxCommissionLevels: 2, payoutCapBps: 3_000, recruitmentRewards: false },
    sources: {
      maxCommissionLevels:
        'PRC Criminal Law art. 224-1 and the SPP/MPS prosecution standard (2022) art. 70: three or more levels',
      payoutCapBps:
        'Fission’s margin from team-based pay, Regulations on the Prohibition of Pyramid Selling (禁止传销条例) art. 7(3)',
      recruitmentRewards:
        'Regulations on the Prohibition of Pyramid Selling (禁止传销条例), art. 7(1): pay for recruiting',
    },
  },
  'us-ftc': {
    name: 'us-ftc',
    description: 'United States: endorsements and affiliate links must be disclosed.',
    rules: { ...OPEN, disclosure: AFFILIATE_DISCLOSURE },
    sources: { disclosure: 'FTC Guides Concerning Endorsements and Testimonials, 16 CFR Part 255.5' },
  },
  eu: {
    name: 'eu',
    description: 'European Union: hidden commercial intent is an unfair commercial practice.',
    rules: { ...OPEN, disclosure: AFFILIATE_DISCLOSURE },
    sources: {
      disclosure:
        'Unfair Commercial Practices Directive 2005/29/EC, art. 7(2) and Annex I point 11 (as amended by 2019/2161)',
    },
  },
};

export const policyProfile = (name: PolicyProfileName): PolicyProfile => POLICY_TABLE[name];

/** The rules that switch a feature on or off, which `assertAllowed` refuses with `policy_forbids`. */
export type PolicyFeature =
  | 'bargains'
  | 'shareToUnlock'
  | 'likeCollecting'
  | 'paidSharing'
  | 'recruitmentRewards';

export const POLICY_REASONS = defineReasons({
  policy_forbids: {
    code: 'business_rule',
    params: Type.Object({ profile: Type.String(), rule: Type.String() }),
    description:
      'The market policy profile (POLICY_PROFILE) forbids this feature; `rule` names it (e.g. `bargains`).',
  },
});

/** The policy a running platform consults: one instance from the composition root. */
export interface Policy {
  readonly profile: PolicyProfile;
  readonly rules: PolicyRules;
  allows(feature: PolicyFeature): boolean;
  /** Throws 422 `policy_forbids` when the profile forbids the feature. */
  assertAllowed(feature: PolicyFeature): void;
  /** The 422 `policy_forbids` naming a rule, for limits a request goes past (levels, payout cap). */
  forbidden(rule: PolicyRule): AppError;
}

export function createPolicy(name: PolicyProfileName): Policy {
  const profile = policyProfile(name);
  const forbidden = (rule: PolicyRule) =>
    new AppError(
      'business_rule',
      `The ${profile.name} market policy does not allow this (${rule})`,
      undefined,
      {
        reason: 'policy_forbids',
        params: { profile: profile.name, rule },
      },
    );
  return {
    profile,
    rules: profile.rules,
    allows: (feature) => profile.rules[feature],
    assertAllowed(feature) {
      if (!profile.rules[feature]) throw forbidden(feature);
    },
    forbidden,
  };
}

/** The rules as the API shows them (`GET /api/config` → `policy`). */
export const PolicyRulesSchema = Type.Object({
  maxCommissionLevels: Type.Integer({ minimum: 1, maximum: 3 }),
  payoutCapBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
  bargains: Type.Boolean(),
  shareToUnlock: Type.Boolean(),
  likeCollecting: Type.Boolean(),
  paidSharing: Type.Boolean(),
  recruitmentRewards: Type.Boolean(),
  disclosure: Type.Union([Type.String(), Type.Null()]),
});

export const PolicyProfileNameSchema = Type.Union([
  Type.Literal('default'),
  Type.Literal('wechat'),
  Type.Literal('cn-strict'),
  Type.Literal('us-ftc'),
  Type.Literal('eu'),
]);

const PolicySources = Type.Record(Type.String(), Type.String(), {
  description: 'where each rule the profile sets comes from (a law, a platform’s terms), by rule name',
});

/** A profile as the console shows it: its rules and the source of each. */
export const PolicyProfileSchema = Type.Object({
  name: PolicyProfileNameSchema,
  description: Type.String(),
  rules: PolicyRulesSchema,
  sources: PolicySources,
});

/** `GET /api/admin/policy`: the profile in force and every profile to compare it with. */
export const PolicyOverviewSchema = Type.Object({
  current: PolicyProfileSchema,
  profiles: Type.Array(PolicyProfileSchema),
});
