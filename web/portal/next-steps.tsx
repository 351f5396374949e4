// "Nästa steg" on Min Sida: for each open application what it waits for and who must act (you,
// the reviewer, the decider, the examination centre, your company's admin), with the link that
// does it (its name ends with what it is about, in brackets: a button lays its text out in boxes,
// so a hidden ": …" would be read " : …"); the employments waiting for a company's confirmation; and for a certifikatsadministratör
// her companies with the requests waiting for her, the company's open applications and the
// company certificates that need attention (expiring within 90 days, suspended).
import type { Context } from "hono";
import { daysBetween, swedishDate } from "../../lib/dates.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { listCertificatesForCompany, publicStatus } from "../../modules/certificates/index.ts";
import { awaitingSubmission, listApplications, loadApplication, OPEN_STATUSES, processState, type LoadedApplication } from "../../modules/certification/index.ts";
import { getCompanyPage, listPersonCompanies, listPersonEmployments } from "../../modules/employments/index.ts";
import { listAttestable } from "../../modules/lifecycle/renewal.ts";
import { processUrl } from "../certification/paths.ts";
import type { DueItem } from "../certification/renewal.tsx";
import { DueNotices } from "../certification/renewal.tsx";
import type { AppEnv } from "../env.ts";
import { t, labels } from "../../lib/i18n/index.ts";

type Ctx = Context<AppEnv>;

export type Who = "you" | "reviewer" | "decider" | "exam_centre" | "company_admin" | "you_or_admin";

/** "Väntar på: …" in words. */
export const WHO: Record<Who, string> = labels({
  you: "next.who.you",
  reviewer: "next.who.reviewer",
  decider: "next.who.decider",
  exam_centre: "next.who.exam_centre",
  company_admin: "next.who.company_admin",
  you_or_admin: "next.who.you_or_admin",
});

export interface NextStep {
  /** What the step is about, e.g. "F-gaser - Utbildningsintyg Mobil AC". */
  title: string;
  what: string;
  who: Who;
  /** The link that does it (or shows it). */
  action: { href: string; label: string };
}

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? "") : t("common.list", names.slice(0, -1).join(", "), names.at(-1)!));

/** What an open application waits for, and who must act; null for a closed one. */
export function nextStepOf(app: LoadedApplication, options: { forCompany: boolean }): NextStep | null {
  const a = app.application;
  const state = processState(app);
  if (!OPEN_STATUSES.includes(state.status)) return null;
  const kind = a.kind === "extension" ? t("next.kind.extension") : a.kind === "recertification" ? t("next.kind.recertification") : "";
  const title = `${app.area.name} - ${app.scheme.name}${kind}`;
  const process = processUrl(a.id);
  const show = { href: process, label: t("process.show") };
  if (state.status === "final_review") return { title, what: t("next.finalReview"), who: "decider", action: show };
  if (awaitingSubmission(state)) return { title, what: t("next.notSent"), who: "you", action: { href: processUrl(a.id, "/skicka-in"), label: t("submit.title") } };
  const momentUrl = (m: LoadedApplication["moments"][number]) => processUrl(a.id, `/moment/${m.moment.id}`);
  const rejected = app.moments.filter((m) => m.moment.status === "rejected");
  if (rejected.length) return { title, what: t("next.rejected", list(rejected.map((m) => m.requirement.name))), who: "you", action: { href: momentUrl(rejected[0]!), label: t("moment.upload") } };
  const waiting = app.moments.filter((m) => m.moment.status === "awaiting_file");
  const files = waiting.filter((m) => !m.requirement.exam);
  const exams = waiting.filter((m) => m.requirement.exam);
  if (files.length) {
    const attestable = files.every((m) => m.requirement.attestable) && !options.forCompany;
    const alsoExam = exams.length ? ` ${t("next.examResult", list(exams.map((m) => m.requirement.name)))}` : "";
    return {
      title,
      what: (attestable ? t("next.attestable", list(files.map((m) => m.requirement.name))) : t("next.uploadFor", list(files.map((m) => m.requirement.name)))) + alsoExam,
      who: attestable ? "you_or_admin" : "you",
      action: { href: momentUrl(files[0]!), label: t("moment.upload") },
    };
  }
  if (exams.length) return { title, what: t("next.examResult", list(exams.map((m) => m.requirement.name))), who: "exam_centre", action: options.forCompany ? show : { href: "/min-sida/prov", label: t("next.showExams") } };
  const inReview = app.moments.filter((m) => m.moment.status === "awaiting_review");
  if (inReview.length) return { title, what: inReview.length === 1 ? t("next.inReview.one", inReview[0]!.requirement.name) : t("next.inReview.many", inReview.length), who: "reviewer", action: show };
  if (!state.declared) return { title, what: t("next.declare"), who: "you", action: { href: processUrl(a.id, "/intyga"), label: t("next.declare.button") } };
  return { title, what: t("next.recipient"), who: "you", action: { href: processUrl(a.id, "/fakturamottagare"), label: t("recipient.title") } };
}

export interface CompanyAttention {
  id: string;
  name: string;
  orgNumber: string;
  requests: { name: string; startDate: string }[];
  /** "Att intyga": employees whose Årlig förlängning the admin can attest now. */
  toAttest: number;
  steps: NextStep[];
  /** Company certificates that expire within 90 days or are Vilande. */
  certificates: { number: number; title: string; note: string }[];
}

export interface NextSteps {
  steps: NextStep[];
  pendingEmployments: { company: string; orgNumber: string }[];
  companies: CompanyAttention[];
}

async function stepsOf(c: Ctx, applicant: { personId: string } | { companyId: string }): Promise<NextStep[]> {
  const { db } = c.var.deps;
  const open = (await listApplications(db, applicant)).filter((a) => OPEN_STATUSES.includes(a.status));
  const apps = await Promise.all(open.map((a) => loadApplication(db, c.var.user!, a.id)));
  return apps.map((app) => nextStepOf(app, { forCompany: "companyId" in applicant })).filter((s): s is NextStep => s !== null);
}

async function companyAttention(c: Ctx, companyId: string, today: string): Promise<CompanyAttention> {
  const { db } = c.var.deps;
  const [data, certificates, steps, attestable] = await Promise.all([getCompanyPage(db, c.var.user!, companyId), listCertificatesForCompany(db, companyId), stepsOf(c, { companyId }), listAttestable(db, c.var.user!, companyId, today)]);
  const attention: CompanyAttention["certificates"] = [];
  for (const r of certificates) {
    const status = publicStatus(r.certificate, today);
    const title = `${r.area.name} - ${r.scheme.name}`;
    if (status === "suspended") attention.push({ number: r.certificate.number, title, note: r.certificate.suspendedUntil ? t("next.suspendedUntil", r.certificate.suspendedUntil) : t("next.suspended") });
    else if (status === "active" && r.certificate.validUntil && daysBetween(today, r.certificate.validUntil) <= 90) attention.push({ number: r.certificate.number, title, note: t("next.expires", r.certificate.validUntil, daysBetween(today, r.certificate.validUntil)) });
  }
  return {
    id: companyId,
    name: data.company.name,
    orgNumber: data.company.orgNumber,
    requests: data.requests.map((r) => ({ name: `${r.person.givenName} ${r.person.familyName}`, startDate: r.employment.startDate })),
    toAttest: attestable.filter((a) => !a.own && !a.attestedAt).length,
    steps,
    certificates: attention,
  };
}

export async function loadNextSteps(c: Ctx): Promise<NextSteps> {
  const { db, clock } = c.var.deps;
  const personId = c.var.user!.personId;
  const today = swedishDate(clock.now());
  const [steps, employments, companies] = await Promise.all([stepsOf(c, { personId }), listPersonEmployments(db, personId), listPersonCompanies(db, personId)]);
  return {
    steps,
    pendingEmployments: employments.filter((e) => e.employment.status === "requested").map((e) => ({ company: e.company.name, orgNumber: e.company.orgNumber })),
    companies: await Promise.all(companies.administered.filter((co) => co.status === "approved").map((co) => companyAttention(c, co.id, today))),
  };
}

const StepItem = ({ step }: { step: NextStep }) => (
  <li class={`next-step next-step--${step.who === "you" || step.who === "you_or_admin" ? "you" : "others"}`}>
    <p>
      <strong>{step.title}</strong>: {step.what}
    </p>
    <p class="next-step__who">
      {t("next.waitingFor")} <strong>{WHO[step.who]}</strong>
    </p>
    <a class={step.who === "you" || step.who === "you_or_admin" ? "button" : "button button--secondary"} href={step.action.href}>
      {step.action.label}
      <span class="visually-hidden"> ({step.title})</span>
    </a>
  </li>
);

const CompanyBlock = ({ co }: { co: CompanyAttention }) => {
  const page = `/min-sida/foretag/${co.id}`;
  const nothing = co.requests.length === 0 && co.toAttest === 0 && co.steps.length === 0 && co.certificates.length === 0;
  return (
    <li class="next-company">
      <h3>
        <a href={page}>{co.name}</a> <span class="muted">({formatOrgNumber(co.orgNumber)})</span>
      </h3>
      <p class="hint">{t("next.youAreAdmin")}</p>
      {nothing ? (
        <p>{t("next.nothing")}</p>
      ) : (
      <ul class="next-steps__list">
        {co.requests.length ? (
          <li class="next-step next-step--you">
            <p>
              <strong>{t("next.requests", co.requests.length)}</strong>
              {t("next.requests.waiting", list(co.requests.map((r) => r.name)))}
            </p>
            <p class="next-step__who">
              {t("next.waitingFor")} <strong>{WHO.you}</strong>
            </p>
            <a class="button" href={`${page}#forfragningar`}>
              {t("next.requests.button")}
              <span class="visually-hidden">{t("next.requests.buttonFor", co.name)}</span>
            </a>
          </li>
        ) : null}
        {co.toAttest ? (
          <li class="next-step next-step--you">
            <p>
              <strong>{t("next.toAttest")}</strong>: {t("next.toAttest.text", co.toAttest)}
            </p>
            <p class="next-step__who">
              {t("next.waitingFor")} <strong>{WHO.you}</strong>
            </p>
            <a class="button" href={`${page}#att-intyga`}>
              {t("next.toAttest.button")}
              <span class="visually-hidden"> ({co.name})</span>
            </a>
          </li>
        ) : null}
        {co.steps.map((s) => (
          <StepItem step={s} />
        ))}
        {co.certificates.map((cert) => (
          <li class="next-step next-step--you">
            <p>
              <strong>{t("next.certificate", cert.title, cert.number)}</strong>: {cert.note}
            </p>
            <a class="button button--secondary" href={`${page}#certifikat`}>
              {t("next.showCompanyCertificates")}
              <span class="visually-hidden">{t("next.numberInBrackets", cert.number)}</span>
            </a>
          </li>
        ))}
      </ul>
      )}
    </li>
  );
};

/** The sections at the top of Min Sida; nothing when nothing is open or waiting. */
export const NextStepsSection = ({ next, due }: { next: NextSteps; due: DueItem[] }) => {
  const own = next.steps.length > 0 || next.pendingEmployments.length > 0 || due.length > 0;
  return (
    <>
      {own ? (
        <section class="next-steps" aria-labelledby="nasta-steg">
          <h2 id="nasta-steg">{t("next.title")}</h2>
          {next.steps.length || next.pendingEmployments.length ? (
            <ul class="next-steps__list">
              {next.steps.map((s) => (
                <StepItem step={s} />
              ))}
              {next.pendingEmployments.map((e) => (
                <li class="next-step next-step--others">
                  <p>
                    <strong>{t("next.employmentAt", e.company)}</strong>: {t("next.employment.waiting")}
                  </p>
                  <p class="next-step__who">
                    {t("next.waitingFor")} <strong>{WHO.company_admin}</strong>
                  </p>
                  <a class="button button--secondary" href="/min-sida/anstallningar">
                    {t("next.showEmployments")}
                    <span class="visually-hidden"> ({e.company})</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <DueNotices items={due} whose="du" />
        </section>
      ) : null}
      {next.companies.length ? (
        <section class="next-steps" aria-labelledby="dina-foretag">
          <h2 id="dina-foretag">{t("next.yourCompanies")}</h2>
          <ul class="next-companies">
            {next.companies.map((co) => (
              <CompanyBlock co={co} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
};
