// Outgoing mail. With SMTP_URL set, mail goes to that server; without it, each message is written as an .eml file
// to DATA_DIR/outbox so that a single-machine install still keeps every message it would have sent.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string; savedTo?: string }>;
}

export function createMailer(options: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        const info = await transport.sendMail({ from: options.from, ...mail });
        return { messageId: info.messageId };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await fs.promises.mkdir(options.outboxDir, { recursive: true });
      const safeId = info.messageId.replace(/[^A-Za-z0-9@._-]/g, '');
      const file = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`);
      await fs.promises.writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, savedTo: file };
    },
  };
}
