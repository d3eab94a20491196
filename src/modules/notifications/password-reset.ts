import type { Language } from '../accounts/index.js';
import type { Mail } from './mailer.js';

/**
 * The password-reset email, in the person's language. Not a notification (nothing in the bell, no
 * preference turns it off): the person asked for it, and it goes through the same email adapter.
 */
export function passwordResetEmail(input: {
  to: string;
  name: string;
  language: Language;
  link: string;
  minutes: number;
}): Mail {
  const { to, name, link, minutes } = input;
  if (input.language === 'zh-CN') {
    return {
      to,
      subject: '重置你的 Fission 密码',
      text:
        `${name}，你好：\n\n有人（希望是你）请求重置你的密码。打开下面的链接设置新密码，` +
        `链接 ${minutes} 分钟内有效，只能使用一次：\n\n${link}\n\n如果不是你本人操作，请忽略这封邮件，你的密码不会改变。`,
    };
  }
  return {
    to,
    subject: 'Reset your Fission password',
    text:
      `Hello ${name},\n\nSomeone (we hope you) asked to reset your password. Open this link to choose a ` +
      `new one; it works once, for ${minutes} minutes:\n\n${link}\n\n` +
      'If it was not you, ignore this email: your password stays as it is.',
  };
}
