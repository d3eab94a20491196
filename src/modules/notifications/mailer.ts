import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where emails go: SMTP in production, the log when no SMTP server is configured. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
}

/**
 * Email through a nodemailer transport: `SMTP_URL` (smtp:// or smtps://, credentials in the URL)
 * in production; tests hand in nodemailer's own `jsonTransport` to see the message it would send.
 */
export function transportMailer(transport: Transporter, from: string, kind: Mailer['kind'] = 'smtp'): Mailer {
  return {
    kind,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * No SMTP server configured: each email is written to the log at info (recipient, subject and
 * body), so a developer or a small operator sees what would have been sent.
 */
export function logMailer(log: Pick<FastifyBaseLogger, 'info'>): Mailer {
  return {
    kind: 'log',
    async send(mail) {
      log.info({ mail: { to: mail.to, subject: mail.subject, text: mail.text } }, 'email (no SMTP_URL set)');
    },
  };
}

export function createMailer(
  settings: { smtpUrl: string | undefined; mailFrom: string },
  log: Pick<FastifyBaseLogger, 'info'>,
): Mailer {
  return settings.smtpUrl
    ? transportMailer(smtpTransport(settings.smtpUrl), settings.mailFrom)
    : logMailer(log);
}
