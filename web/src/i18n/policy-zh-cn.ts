import type { policyReasonsEn } from './policy-en';

/** 市场规则拒绝的中文文案（见 policy-en.ts）。 */
export const policyReasonsZhCN: Record<keyof typeof policyReasonsEn, string> = {
  policy_forbids: '本店所适用的市场规则（{{profile}}）不允许此操作。',
};
