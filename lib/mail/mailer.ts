import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Sends through SMTP_URL, e.g. smtp://user:pass@smtp.example.org:587 (smtps:// for TLS). The
 * outbox sender calls this outside any request; the timeouts keep a hanging SMTP server from
 * holding a round for nodemailer's default minutes (the mail is retried later instead).
 */
export function smtpMailer(smtpUrl: string, from: string, timeouts: { connectionMs?: number; greetingMs?: number; socketMs?: number } = {}): Mailer {
  const transport = onFirstUse(async () =>
    (await loadNodemailer()).createTransport({
      url: smtpUrl,
      connectionTimeout: timeouts.connectionMs ?? 10_000,
      greetingTimeout: timeouts.greetingMs ?? 10_000,
      socketTimeout: timeouts.socketMs ?? 30_000,
    }),
  );
  return {
    async send(message) {
      await (await transport()).sendMail({ from, ...message });
    },
  };
}

export interface OutboxEntry {
  id: string;
  date: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Without SMTP_URL mail lands in DATA_DIR/outbox as .eml files (open them in any mail program),
 * each with a .json beside it that the /dev/mail page reads.
 */
export function outboxMailer(outboxDir: string, from: string): Mailer & { list(): Promise<OutboxEntry[]> } {
  const transport = onFirstUse(async () => (await loadNodemailer()).createTransport({ streamTransport: true, buffer: true, newline: "unix" }));
  let counter = 0;
  return {
    async send(message) {
      await mkdir(outboxDir, { recursive: true });
      const info = await (await transport()).sendMail({ from, ...message });
      const date = new Date();
      const id = `${date.toISOString().replace(/[:.]/g, "-")}-${process.pid}-${++counter}`;
      await writeFile(path.join(outboxDir, `${id}.eml`), info.message as Buffer);
      const entry: OutboxEntry = { id, date: date.toISOString(), from, to: message.to, subject: message.subject, text: message.text, html: message.html };
      await writeFile(path.join(outboxDir, `${id}.json`), JSON.stringify(entry));
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(outboxDir);
      } catch {
        return [];
      }
      const entries = await Promise.all(
        names.filter((n) => n.endsWith(".json")).map(async (n) => JSON.parse(await readFile(path.join(outboxDir, n), "utf8")) as OutboxEntry),
      );
      return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id.localeCompare(a.id)));
    },
  };
}

// nodemailer (about 30 ms and 12 MiB) loads with the first mail, not at start.
async function loadNodemailer() {
  return (await import("nodemailer")).default;
}

function onFirstUse<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    if (!made) {
      made = make();
      made.catch(() => (made = undefined));
    }
    return made;
  };
}
