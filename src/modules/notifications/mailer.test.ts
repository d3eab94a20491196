import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { createMailer, logMailer, smtpTransport, transportMailer } from './mailer.js';

const mail = { to: 'ada@example.com', subject: 'Payment received', text: 'We received it.\n\n/orders/1\n' };

describe('mailers', () => {
  it('sends through a nodemailer transport with the configured sender', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = vi.spyOn(transport, 'sendMail');
    await transportMailer(transport, 'Shop <shop@example.com>').send(mail);
    const info = (await sendMail.mock.results[0]!.value) as { message: string };
    expect(JSON.parse(info.message)).toMatchObject({
      from: { address: 'shop@example.com', name: 'Shop' },
      to: [{ address: 'ada@example.com', name: '' }],
      subject: 'Payment received',
      text: mail.text,
    });
  });

  it('builds the SMTP transport from SMTP_URL: host, port, security and credentials', () => {
    const plain = smtpTransport('smtp://mailer:s3cret@mail.example.com:587');
    expect(plain.options).toMatchObject({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      auth: { user: 'mailer', pass: 's3cret' },
    });
    const tls = smtpTransport('smtps://mail.example.com');
    expect(tls.options).toMatchObject({ host: 'mail.example.com', secure: true });
  });

  it('chooses SMTP when SMTP_URL is set and the log otherwise', () => {
    const log = { info: vi.fn() };
    expect(createMailer({ smtpUrl: 'smtp://mail.example.com:25', mailFrom: 'a@b.c' }, log).kind).toBe('smtp');
    expect(createMailer({ smtpUrl: undefined, mailFrom: 'a@b.c' }, log).kind).toBe('log');
  });

  it('the log mailer writes recipient, subject and body at info', async () => {
    const log = { info: vi.fn() };
    await logMailer(log).send(mail);
    expect(log.info).toHaveBeenCalledWith({ mail }, expect.stringContaining('email'));
  });
});

describe('mail settings', () => {
  it('reads SMTP_URL and MAIL_FROM, and names the variable of a wrong value', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'no-reply@localhost' });
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Shop <shop@example.com>' }),
    ).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.com:465', mailFrom: 'Shop <shop@example.com>' });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_FROM: 'Shop <shop@example.com>\r\nBcc: x@y.z' })).toThrow(/MAIL_FROM/);
  });
});
