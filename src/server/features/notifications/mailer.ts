/** Sending e-mails through the configured SMTP server (nodemailer), one connection per batch. */
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SmtpConfig } from '../../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

function transportOptions(smtp: SmtpConfig): SMTPTransport.Options | string {
  if (smtp.url && !smtp.host) return smtp.url;
  return {
    ...(smtp.url ? { url: smtp.url } : {}),
    ...(smtp.host ? { host: smtp.host } : {}),
    port: smtp.port ?? (smtp.secure ? 465 : 587),
    secure: smtp.secure ?? false,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
}

/** Sends each mail; returns, in order, null for a sent mail or the reason it was not sent. */
export async function sendMail(
  smtp: SmtpConfig,
  mails: readonly OutgoingMail[],
): Promise<(string | null)[]> {
  // Loaded only when mail is sent: the command line and servers without SMTP never pay for it.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(transportOptions(smtp) as SMTPTransport.Options);
  try {
    const results: (string | null)[] = [];
    for (const mail of mails) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
        results.push(null);
      } catch (error) {
        results.push((error as Error).message || String(error));
      }
    }
    return results;
  } finally {
    transport.close();
  }
}
