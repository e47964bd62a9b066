import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../platform/config';

/** A message to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string | null;
  /** `Content-Language` of the message. */
  language: string;
}

/** Sends messages; `outbox` says where they went when no SMTP server is configured. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string; outboxFile: string | null }>;
}

const mailers = new WeakMap<Config, Mailer>();

/**
 * The mailer of a configuration (one per config): SMTP through nodemailer when `MAIL_SMTP_URL` is set,
 * else an outbox that writes each message as an `.eml` file (RFC 5322, openable by any mail
 * program) to `MAIL_OUTBOX_DIR` (default `<DATA_DIR>/outbox`): there is no network here, and an
 * operator can send or inspect the files.
 */
export function mailerFor(config: Config): Mailer {
  const known = mailers.get(config);
  if (known) return known;
  const smtp: Transporter | null = config.mailSmtpUrl ? nodemailer.createTransport(config.mailSmtpUrl) : null;
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const mailer: Mailer = {
    async send(m) {
      const message = {
        from: config.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        headers: { 'Content-Language': m.language },
        messageId: `<${randomUUID()}@kausa.outbox>`,
      };
      if (smtp) {
        const info = await smtp.sendMail(message);
        return { messageId: String(info.messageId), outboxFile: null };
      }
      const info = await stream.sendMail(message);
      await mkdir(config.mailOutboxDir, { recursive: true });
      const file = join(
        config.mailOutboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`,
      );
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      return { messageId: String(info.messageId), outboxFile: file };
    },
  };
  mailers.set(config, mailer);
  return mailer;
}
