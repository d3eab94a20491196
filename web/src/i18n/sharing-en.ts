/** English strings of share links and the pages they land on, and sharing's refusals. */
export const sharingEn = {
  sharing: {
    recommends: '{{name}} recommends this',
  },
};

export const sharingReasonsEn = {
  share_link_not_found: 'This share link does not exist. It may have been mistyped.',
  share_target_not_found: 'What you want to share is no longer available.',
  share_target_not_shareable: 'This cannot be shared.',
  share_target_one_required: 'Choose one thing to share.',
  share_links_rate_limited:
    'You have made many share links in a minute ({{max}} at most). Try again in {{retryAfterSeconds}} s.',
};
