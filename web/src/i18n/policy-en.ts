/** Texts of the market policy refusal (src/platform/policy.ts); `rule` is the feature it forbids. */
export const policyReasonsEn = {
  policy_forbids: 'This shop’s market rules ({{profile}}) do not allow this.',
};
