// "Bädda in": how a company shows its certificates on its own web site with the widgets of
// /widgets/certportal.js (or, without JavaScript, the badge), with live previews.
import type { FC } from "hono/jsx";
import type { OrgConfig } from "../../lib/config.ts";
import { t, type MessageKey } from "../../lib/i18n/index.ts";
import { Field, Notice } from "../../web/views/form.tsx";
import { Rich } from "../../web/views/rich.tsx";
import { certificateHref } from "../../web/views/certificate-href.ts";
import { TableScroll } from "../../web/views/table-scroll.tsx";

export interface Preview {
  /** The certificate and company the previews show; null shows nothing for that widget. */
  number: number | null;
  orgNumber: string | null;
  /** What the visitor typed in the preview form, shown back with its errors. */
  typed: { nummer: string; orgnr: string };
  errors: Record<string, string>;
  /** The previews show a certified company we picked, not numbers the visitor typed. */
  example: boolean;
}

const EXAMPLE_NUMBER = 10001;
const EXAMPLE_ORG = "556016-0680";

// A default is a value or, in words, a catalogue text (a key).
const VARIABLES: [string[], string | { key: MessageKey } | [string, string], MessageKey][] = [
  [["--certportal-font"], { key: "embed.var.systemFont" }, "embed.var.font"],
  [["--certportal-font-size"], "0.9375rem", "embed.var.fontSize"],
  [["--certportal-text"], "#1b2330", "embed.var.text"],
  [["--certportal-muted"], "#4f5966", "embed.var.muted"],
  [["--certportal-background"], "#ffffff", "embed.var.background"],
  [["--certportal-border"], "#d3d9e0", "embed.var.border"],
  [["--certportal-accent"], "#0b4466", "embed.var.accent"],
  [["--certportal-link"], { key: "embed.var.accentColour" }, "embed.var.link"],
  [["--certportal-radius"], "6px", "embed.var.radius"],
  [["--certportal-max-width"], "26rem", "embed.var.maxWidth"],
  [["--certportal-active-color", "--certportal-active-background"], ["#1b6a35", "#e7f4eb"], "embed.var.active"],
  [["--certportal-suspended-color", "--certportal-suspended-background"], ["#8a4b00", "#fff4e0"], "embed.var.suspended"],
  [["--certportal-withdrawn-color", "--certportal-withdrawn-background"], ["#b42318", "#fdecea"], "embed.var.withdrawn"],
  [["--certportal-ended-color", "--certportal-ended-background"], ["#4f5966", "#f3f5f8"], "embed.var.ended"],
];

const PARTS: [string, MessageKey][] = [
  ["container", "embed.part.container"],
  ["name", "embed.part.name"],
  ["scheme", "embed.part.scheme"],
  ["status", "embed.part.status"],
  ["status-icon", "embed.part.statusIcon"],
  ["details", "embed.part.details"],
  ["number", "embed.part.number"],
  ["valid-until", "embed.part.validUntil"],
  ["link", "embed.part.link"],
  ["list, item, heading", "embed.part.list"],
  ["city, org-number", "embed.part.city"],
  ["message", "embed.part.message"],
  ["retry", "embed.part.retry"],
];

const defaultText = (v: (typeof VARIABLES)[number][1]) => (typeof v === "string" ? v : Array.isArray(v) ? t("embed.var.on", v[0], v[1]) : t(v.key));

export const EmbedPage: FC<{ org: OrgConfig; publicUrl: string; preview: Preview }> = ({ org, publicUrl, preview }) => {
  const origin = new URL(publicUrl).origin;
  const number = preview.number ?? EXAMPLE_NUMBER;
  const orgNumber = preview.orgNumber ? `${preview.orgNumber.slice(0, 6)}-${preview.orgNumber.slice(6)}` : EXAMPLE_ORG;
  const script = `<script type="module" src="${publicUrl}/widgets/certportal.js"></script>`;
  return (
    <article class="prose embed-page">
      <h1>{t("embed.title")}</h1>
      <p class="lead">{t("embed.lead", org.name)}</p>

      <section aria-labelledby="embed-how">
        <h2 id="embed-how">{t("embed.how")}</h2>
        <ol>
          <li>
            <p>
              <Rich text={t("embed.how.script")} />
            </p>
            <pre>
              <code>{script}</code>
            </pre>
          </li>
          <li>
            <p>{t("embed.how.element")}</p>
            <pre>
              <code>{`<certportal-certificate number="${number}"></certportal-certificate>`}</code>
            </pre>
            <p>{t("embed.how.company")}</p>
            <pre>
              <code>{`<certportal-company orgnr="${orgNumber}"></certportal-company>`}</code>
            </pre>
          </li>
        </ol>
        <p>{t("embed.how.shows", org.name)}</p>
      </section>

      <section aria-labelledby="embed-preview">
        <h2 id="embed-preview">{t("embed.preview")}</h2>
        <p>{preview.example ? t("embed.preview.example") : t("embed.preview.own")}</p>
        <form method="get" action="/badda-in#embed-preview" class="embed-preview-form" aria-label={t("embed.preview.form")}>
          <Field name="nummer" label={t("cert.number")} inputmode="numeric" autocomplete="off" maxlength={20} value={preview.typed.nummer} errors={preview.errors} />
          <Field name="orgnr" label={t("common.orgNumber")} autocomplete="off" maxlength={20} value={preview.typed.orgnr} errors={preview.errors} />
          <div class="button-row">
            <button type="submit">{t("embed.preview.button")}</button>
          </div>
        </form>
        {preview.number === null && preview.orgNumber === null ? null : (
          <ul class="embed-previews">
            {preview.number === null ? null : (
              <>
                <li>
                  <p class="hint">{t("common.certificate")}</p>
                  <certportal-certificate number={String(preview.number)}></certportal-certificate>
                </li>
                <li>
                  <p class="hint">
                    {t("common.certificate")}, <code>lang="en"</code>
                  </p>
                  <certportal-certificate number={String(preview.number)} lang="en"></certportal-certificate>
                </li>
              </>
            )}
            {preview.orgNumber === null ? null : (
              <li>
                <p class="hint">{t("common.company")}</p>
                <certportal-company orgnr={preview.orgNumber}></certportal-company>
              </li>
            )}
          </ul>
        )}
        <noscript>
          <Notice kind="warning">
            <p>{t("embed.preview.noscript")}</p>
          </Notice>
        </noscript>
      </section>

      <section aria-labelledby="embed-attributes">
        <h2 id="embed-attributes">{t("embed.attributes")}</h2>
        <TableScroll label={t("embed.attributes")}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("embed.attribute")}</th>
                <th scope="col">{t("embed.meaning")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <code>number</code>
                </td>
                <td>
                  <Rich text={t("embed.attr.number")} />
                </td>
              </tr>
              <tr>
                <td>
                  <code>orgnr</code>
                </td>
                <td>
                  <Rich text={t("embed.attr.orgnr")} />
                </td>
              </tr>
              <tr>
                <td>
                  <code>lang</code>
                </td>
                <td>
                  <Rich text={t("embed.attr.lang")} />
                </td>
              </tr>
              <tr>
                <td>
                  <code>api</code>
                </td>
                <td>{t("embed.attr.api", org.name, origin)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        <p>{t("embed.attr.change")}</p>
      </section>

      <section aria-labelledby="embed-style">
        <h2 id="embed-style">{t("embed.style")}</h2>
        <p>{t("embed.style.text")}</p>
        <pre>
          <code>{`certportal-certificate,
certportal-company {
  --certportal-font: inherit;
  --certportal-accent: #005a8c;
  --certportal-radius: 0;
}`}</code>
        </pre>
        <TableScroll label={t("embed.vars")}>
          <table class="data">
            <caption>{t("embed.vars")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("embed.var")}</th>
                <th scope="col">{t("embed.default")}</th>
                <th scope="col">{t("embed.controls")}</th>
              </tr>
            </thead>
            <tbody>
              {VARIABLES.map(([names, value, what]) => (
                <tr>
                  <td>
                    {names.map((name, i) => (
                      <>
                        {i > 0 ? <br /> : null}
                        <code>{name}</code>
                      </>
                    ))}
                  </td>
                  <td>{defaultText(value)}</td>
                  <td>{t(what)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p>
          <Rich text={t("embed.parts.text")} />
        </p>
        <TableScroll label={t("embed.parts")}>
          <table class="data">
            <caption>{t("embed.parts")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("embed.part")}</th>
                <th scope="col">{t("embed.what")}</th>
              </tr>
            </thead>
            <tbody>
              {PARTS.map(([name, what]) => (
                <tr>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td>{t(what)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="embed-csp">
        <h2 id="embed-csp">Content-Security-Policy</h2>
        <p>{t("embed.csp.text")}</p>
        <pre>
          <code>{`script-src 'self' ${origin};
connect-src 'self' ${origin};
img-src 'self' ${origin}`}</code>
        </pre>
        <p>
          <Rich text={t("embed.csp.enough")} />
        </p>
      </section>

      <section aria-labelledby="embed-badge">
        <h2 id="embed-badge">{t("embed.badge")}</h2>
        <p>{t("embed.badge.text")}</p>
        <pre>
          <code>{`<a href="${publicUrl}/c/${number}"><img src="${publicUrl}/badge/${number}.svg" alt="${t("embed.badge.alt", number, org.name)}"></a>`}</code>
        </pre>
        {preview.number === null ? null : (
          <p class="embed-badge">
            <a href={certificateHref(preview.number)}>
              <img src={`/badge/${preview.number}.svg`} alt={t("embed.badge.alt", preview.number, org.name)} />
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="embed-privacy">
        <h2 id="embed-privacy">{t("embed.privacy")}</h2>
        <p>{t("embed.privacy.text")}</p>
      </section>
    </article>
  );
};
