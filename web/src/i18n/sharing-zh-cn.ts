import type { sharingEn, sharingReasonsEn } from './sharing-en';

/** 分享链接及其落地页的中文文案，以及分享相关的拒绝原因。 */
export const sharingZhCN: typeof sharingEn = {
  sharing: {
    recommends: '{{name}} 推荐',
  },
};

export const sharingReasonsZhCN: Record<keyof typeof sharingReasonsEn, string> = {
  share_link_not_found: '这个分享链接不存在，可能输错了。',
  share_target_not_found: '你要分享的内容已不存在。',
  share_target_not_shareable: '这类内容暂不支持分享。',
  share_target_one_required: '请选择一个要分享的内容。',
  share_links_rate_limited:
    '一分钟内生成的分享链接太多了（最多 {{max}} 个），请 {{retryAfterSeconds}} 秒后再试。',
};
