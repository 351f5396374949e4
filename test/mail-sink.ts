import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * A real SMTP server on loopback that keeps what nodemailer sends, parsed. STARTTLS and AUTH are
 * off so the client speaks plain SMTP to it. With `reject` (or after `rejectWith()`) it refuses
 * every recipient with a permanent 550 and that text, as a mail server that will not take the mail.
 */
export async function startMailSink(options: { port?: number; reject?: string } = {}) {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let rejecting: string | null = options.reject ?? null;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rejecting === null) return callback();
      callback(Object.assign(new Error(rejecting), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
          messages.push({ to, from: parsed.from?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "", html: typeof parsed.html === "string" ? parsed.html : "", attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content })) });
          for (const w of waiters) w();
          callback();
        })
        .catch(callback);
    },
  });
  // A sender that dies mid-mail (a killed server in the crash drill) resets its connection: for a
  // mail server that is an ordinary event, and the half-sent mail is simply not kept.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;

  /** Waits until a mail matching the predicate has arrived (mail can be sent after the response). */
  // Generous: mail goes after follow-up work (an invoice PDF, whose renderer loads on first use), and a
  // busy machine can take seconds; a mail that arrives returns at once.
  async function waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...messages].reverse().find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no mail matched within ${timeoutMs} ms; got: ${messages.map((m) => `${m.to}: ${m.subject}`).join(" | ")}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 200));
        waiters.add(done);
      });
    }
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor,
    to: (email: string) => messages.filter((m) => m.to.includes(email)),
    clear: () => void messages.splice(0),
    /** From now on refuse every recipient with 550 and this text; null takes mail again. */
    rejectWith: (message: string | null) => void (rejecting = message),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailSink = Awaited<ReturnType<typeof startMailSink>>;

/** The six-digit login code in a mail. */
export function loginCode(mail: ReceivedMail): string {
  const m = /Engångskod:\s*(\d{6})/.exec(mail.text);
  if (!m) throw new Error(`no code in mail: ${mail.text}`);
  return m[1]!;
}

export function oneTimePassword(mail: ReceivedMail): string {
  const m = /engångslösenord är:\s*(\S+)/i.exec(mail.text);
  if (!m) throw new Error(`no one-time password in mail: ${mail.text}`);
  return m[1]!;
}

export function firstLink(mail: ReceivedMail, contains: string): string {
  const m = new RegExp(`(https?://\\S*${contains.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S*)`).exec(mail.text);
  if (!m) throw new Error(`no link with ${contains} in mail: ${mail.text}`);
  return m[1]!;
}
