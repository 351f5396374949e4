// The developer's mailbox: what the outbox mailer wrote to DATA_DIR/outbox, newest first, so the
// one-time codes and links of registration and login can be read on a laptop. Mounted at
// /dev/mail only outside production (hono.config.ts).
import { Hono } from "hono";
import type { FC } from "hono/jsx";
import type { OutboxEntry } from "../../lib/mail/mailer.ts";
import type { AppEnv } from "../env.ts";
import { page } from "../render.tsx";
import { Notice } from "../views/form.tsx";

export interface Outbox {
  list(): Promise<OutboxEntry[]>;
}

/**
 * The mail's own HTML may use inline styles and data: images, and nothing else: no scripts, no
 * remote images, no forms. hono's secureHeaders sets its headers after the handler and by
 * default replaces ours, so the app must use it with `overwrite: false` for this one to win.
 */
export const MAIL_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function devMail(outbox: Outbox | null): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The app mounts this only outside production; refuse here too, in case that ever changes.
  app.use("*", async (c, next) => (c.var.deps.config.production ? c.notFound() : next()));

  app.get("/", async (c) => {
    c.header("Cache-Control", "no-store");
    const filter = (c.req.query("till") ?? "").trim().slice(0, 200);
    if (!outbox) {
      return page(
        c,
        { title: "Utkorg (utveckling)" },
        <section>
          <h1>Utkorg (utveckling)</h1>
          <Notice kind="info">
            <p>E-post skickas via SMTP_URL; utkorgen används inte.</p>
          </Notice>
        </section>,
      );
    }
    const all = await outbox.list();
    const needle = filter.toLowerCase();
    const mails = needle ? all.filter((m) => m.to.toLowerCase().includes(needle)) : all;
    return page(c, { title: "Utkorg (utveckling)" }, <MailList mails={mails} total={all.length} filter={filter} />);
  });

  app.get("/:id/html", async (c) => {
    const id = c.req.param("id");
    const mail = outbox ? (await outbox.list()).find((m) => m.id === id) : undefined;
    if (!mail) return c.notFound();
    return c.html(mail.html, 200, {
      "Content-Security-Policy": MAIL_HTML_CSP,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
  });

  return app;
}

const MailList: FC<{ mails: OutboxEntry[]; total: number; filter: string }> = ({ mails, total, filter }) => (
  <section class="dev-mail" aria-labelledby="dev-mail-title">
    <h1 id="dev-mail-title">Utkorg (utveckling)</h1>
    <p>
      Post som tjänsten har skickat, nyast först. Den ligger också som .eml-filer i DATA_DIR/outbox. Sidan finns bara
      utanför produktion.
    </p>
    <form method="get" action="/dev/mail" class="search-form" role="search" aria-label="Filtrera utkorgen">
      <div class="field">
        <label for="f-till">Mottagare innehåller</label>
        <input id="f-till" name="till" type="search" value={filter} autocomplete="off" />
      </div>
      <div class="button-row">
        <button type="submit">Filtrera</button>
        {filter ? (
          <a class="button button--secondary" href="/dev/mail">
            Visa alla
          </a>
        ) : null}
      </div>
    </form>
    <p class="hits">{filter ? `${mails.length} av ${total} brev` : `${total} brev`}</p>
    {mails.length === 0 ? (
      <p>{filter ? "Inga brev till en mottagare som matchar." : "Utkorgen är tom."}</p>
    ) : (
      <ol class="mail-list">
        {mails.map((mail, i) => (
          <MailRow mail={mail} open={i === 0} />
        ))}
      </ol>
    )}
  </section>
);

const MailRow: FC<{ mail: OutboxEntry; open: boolean }> = ({ mail, open }) => {
  const code = findCode(mail.text);
  const links = findLinks(mail.text);
  return (
    <li class="mail">
      <details open={open}>
        <summary>
          <span class="mail__time">
            <time datetime={mail.date}>{formatTime(mail.date)}</time>
          </span>
          <span class="mail__to">{mail.to}</span>
          <span class="mail__subject">{mail.subject}</span>
          {code ? (
            <strong class="mail__code">
              {code.label}: <code>{code.value}</code>
            </strong>
          ) : null}
        </summary>
        <div class="mail__body">
          <p class="mail__meta">
            Från {mail.from} · <a href={`/dev/mail/${encodeURIComponent(mail.id)}/html`}>Visa som HTML</a>
          </p>
          {links.length > 0 ? (
            <ul class="mail__links" aria-label="Länkar i brevet">
              {links.map((url) => (
                <li>
                  <a href={url}>{url}</a>
                </li>
              ))}
            </ul>
          ) : null}
          <pre>{mail.text}</pre>
        </div>
      </details>
    </li>
  );
};

/** The one-time code or one-time password in a mail, if there is one, to show it next to the subject. */
export function findCode(text: string): { label: string; value: string } | null {
  const password = /engångslösenord[^:\n]*:\s*(\S+)/i.exec(text);
  if (password) return { label: "Engångslösenord", value: password[1] };
  const labelled = /engångskod[^:\n]*:\s*(\d{6})\b/i.exec(text);
  if (labelled) return { label: "Kod", value: labelled[1] };
  const bare = /^\s*(\d{6})\s*$/m.exec(text);
  if (bare) return { label: "Kod", value: bare[1] };
  return null;
}

/** Links in the plain text, made clickable; only http(s), so nothing else becomes an href. */
export function findLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
  return [...new Set(found.map((u) => u.replace(/[.,;:)]+$/, "")))];
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "medium" });
}
