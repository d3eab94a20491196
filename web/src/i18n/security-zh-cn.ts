import type { securityReasonsEn } from './security-en';

/** 安全相关拒绝的中文文案（见 security-en.ts）。 */
export const securityReasonsZhCN: Record<keyof typeof securityReasonsEn, string> = {
  csrf_failed: '无法确认你的登录状态，请刷新页面后重试。',
  json_too_deep: '请求内容过于复杂，无法读取。',
  metrics_token_required: '查看监控指标需要访问令牌。',
  password_too_common: '这个密码太常见了，请换一个更难猜的密码。',
  password_is_email: '请不要用邮箱地址作为密码。',
};
