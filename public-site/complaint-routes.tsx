// Lämna klagomål: the form with its time-based token, the post (token, then the rate limit per
// address, then the complaint itself), and the receipt after a redirect.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { checkFormToken, formTokenKey, issueFormToken } from "../lib/form-token.ts";
import { Invalid, TooManyRequests, type FieldErrors } from "../lib/errors.ts";
import { enforce } from "../lib/rate-limit.ts";
import { submitComplaint } from "../modules/cases/index.ts";
import { parseCertificateNumber } from "../modules/verification/index.ts";
import { caseForm, CASE_BODY_LIMIT, tooLarge } from "../web/cases/case-form.ts";
import { COMPLAINT_PATH } from "../web/cases/paths.ts";
import type { AppEnv } from "../web/env.ts";
import { clientIp } from "../web/form-input.ts";
import { page } from "../web/render.tsx";
import { ComplaintPage, ComplaintReceived } from "./pages/complaint.tsx";
import { t, labels } from "../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

const PURPOSE = "lamna-klagomal";
/** A person needs more than a few seconds to describe something; a form a day old is shown again. */
const TOKEN_RULES = { minAgeMs: 3_000, maxAgeMs: 24 * 3_600_000 };
const TOKEN_MESSAGES = labels({
  missing: "complaint.token.missing",
  forged: "complaint.token.forged",
  expired: "complaint.token.expired",
  too_fast: "complaint.token.tooFast",
});
const LIMITS = (ip: string) => [
  { key: `complaint:ip:${ip}`, max: 10, windowMs: 3_600_000 },
  { key: `complaint:ip-day:${ip}`, max: 30, windowMs: 24 * 3_600_000 },
];
const tooMany = () => t("complaint.tooMany");

const token = (c: Ctx) => issueFormToken(formTokenKey(c.var.deps.signer), PURPOSE, c.var.deps.clock.now());
const org = (c: Ctx) => c.var.deps.config.org;

function form(c: Ctx, values: Record<string, string>, extra: { errors?: FieldErrors; failure?: string; hadFiles?: boolean } = {}, status?: 200 | 413 | 422 | 429) {
  // Only what the page itself writes goes back into it: the fields, never anything else posted.
  const kept = Object.fromEntries(["beskrivning", "certifikat", "orgnr", "namn", "epost", "telefon"].map((k) => [k, values[k] ?? ""]));
  return page(c, { title: t("nav.complain"), status }, <ComplaintPage orgName={org(c).name} values={kept} token={token(c)} {...extra} />);
}

async function show(c: Ctx) {
  // From /c/{number}: "Anmäl felaktigt utfört arbete …" brings the number along.
  const asked = parseCertificateNumber((c.req.query("certifikat") ?? "").trim());
  return form(c, { certifikat: asked === null ? "" : String(asked) });
}

async function submitted(c: Ctx) {
  const { deps } = c.var;
  const { values, files } = await caseForm(c);
  const hadFiles = files.length > 0;
  const verdict = checkFormToken(formTokenKey(deps.signer), PURPOSE, values.formtoken, deps.clock.now(), TOKEN_RULES);
  if (!verdict.ok) return form(c, values, { failure: TOKEN_MESSAGES[verdict.reason], hadFiles }, 422);
  try {
    await enforce(deps.db, LIMITS(clientIp(c)), deps.clock.now(), tooMany());
    const { number, mailed } = await submitComplaint(deps, c.var.user, {
      description: values.beskrivning ?? "",
      certificateNumber: values.certifikat,
      orgNumber: values.orgnr,
      name: values.namn,
      email: values.epost,
      phone: values.telefon,
      files,
    });
    return c.redirect(`${COMPLAINT_PATH}/tack?nummer=${number}${mailed ? "&mejl=1" : ""}`, 303);
  } catch (e) {
    if (e instanceof Invalid) return form(c, values, { errors: e.fields, hadFiles }, 422);
    if (e instanceof TooManyRequests) {
      c.header("Retry-After", String(e.retryAfterSeconds));
      return form(c, values, { failure: `${e.message} ${t("common.retryInMinutes", Math.ceil(e.retryAfterSeconds / 60))}`, hadFiles }, 429);
    }
    throw e;
  }
}

function receipt(c: Ctx) {
  const number = parseCertificateNumber(c.req.query("nummer") ?? "");
  if (number === null) return c.redirect(COMPLAINT_PATH, 303);
  return page(c, { title: t("complaint.thanks") }, <ComplaintReceived number={String(number)} mailed={c.req.query("mejl") === "1"} />);
}

export function complaintRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(COMPLAINT_PATH, show);
  app.post(
    COMPLAINT_PATH,
    bodyLimit({ maxSize: CASE_BODY_LIMIT, onError: (c) => form(c as Ctx, {}, { errors: { filer: tooLarge() } }, 413) }),
    submitted,
  );
  app.get(`${COMPLAINT_PATH}/tack`, receipt);
  return app;
}
