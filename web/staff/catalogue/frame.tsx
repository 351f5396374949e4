// What every catalogue page shares: where it is, the messages after a save, and the scheme page's
// frame with its tabs (Inställningar, Förbindelsetext, Moment, Händelselogg).
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { swedishDate } from "../../../lib/dates.ts";
import { ownEntry } from "../../../lib/own-key.ts";
import { isOpenForApplication, type Area, type Scheme } from "../../../modules/catalogue/index.ts";
import type { AppEnv } from "../../env.ts";
import { Notice } from "../../views/form.tsx";
import { Tabs } from "../../views/tabs.tsx";
import { t, labels } from "../../../lib/i18n/index.ts";

export const CATALOGUE_PATH = "/personal/katalog";
export const NEW_AREA_PATH = `${CATALOGUE_PATH}/teknikomraden/nytt`;
export const NEW_SCHEME_PATH = `${CATALOGUE_PATH}/certifikat/nytt`;
export const areaUrl = (id: string) => `${CATALOGUE_PATH}/teknikomraden/${id}`;
export const schemeUrl = (id: string, tab = "") => `${CATALOGUE_PATH}/certifikat/${id}${tab}`;
export const requirementUrl = (id: string, sub = "") => `${CATALOGUE_PATH}/moment/${id}${sub}`;

export type SchemeTab = "installningar" | "forbindelsetext" | "moment" | "handelselogg";
const TAB_LABELS = labels({ installningar: "catalogue.tab.settings", forbindelsetext: "catalogue.tab.declaration", moment: "common.moments", handelselogg: "common.eventLog" });
const TABS: { tab: SchemeTab; path: string; readonly label: string }[] = [
  { tab: "installningar", path: "", get label() { return TAB_LABELS.installningar; } },
  { tab: "forbindelsetext", path: "/forbindelsetext", get label() { return TAB_LABELS.forbindelsetext; } },
  { tab: "moment", path: "/moment", get label() { return TAB_LABELS.moment; } },
  { tab: "handelselogg", path: "/handelselogg", get label() { return TAB_LABELS.handelselogg; } },
];

/** Messages after a redirect, named by `?klart=`; nothing from the query itself is shown. */
const DONE: Readonly<Record<string, string>> = labels({
  sparat: "catalogue.done.saved",
  oforandrat: "catalogue.done.unchanged",
  omrade: "catalogue.done.area",
  skapat: "catalogue.done.created",
  publicerad: "catalogue.done.published",
  tillagt: "catalogue.done.added",
  avvecklat: "catalogue.done.retired",
  filmall: "catalogue.done.template",
});

export const DoneNotice = ({ c }: { c: Context<AppEnv> }) => {
  const text = ownEntry(DONE, c.req.query("klart"));
  return text ? (
    <Notice kind="success">
      <p>{text}</p>
    </Notice>
  ) : null;
};

export const Breadcrumbs = ({ trail }: { trail: { href?: string; label: string }[] }) => (
  <nav class="breadcrumbs" aria-label={t("common.breadcrumbs")}>
    <a href="/personal">{t("nav.staff")}</a> › {trail.length ? <a href={CATALOGUE_PATH}>{t("staff.home.catalogue")}</a> : t("staff.home.catalogue")}
    {trail.map((step) => (
      <>
        {" › "}
        {step.href ? <a href={step.href}>{step.label}</a> : step.label}
      </>
    ))}
  </nav>
);

export const OpenChip = ({ scheme, today }: { scheme: Pick<Scheme, "activeFrom" | "activeTo">; today: string }) =>
  isOpenForApplication(scheme, today) ? <span class="status status--active">{t("catalogue.open")}</span> : <span class="status status--muted">{t("catalogue.closed")}</span>;

/** The scheme page around one tab's content. */
export function schemeFrame(c: Context<AppEnv>, ctx: { scheme: Scheme; area: Area }, tab: SchemeTab, content: Child): Child {
  const { scheme, area } = ctx;
  const here = TABS.find((x) => x.tab === tab)!;
  return (
    <>
      <Breadcrumbs trail={tab === "installningar" ? [{ label: scheme.name }] : [{ href: schemeUrl(scheme.id), label: scheme.name }, { label: here.label }]} />
      <h1>{scheme.name}</h1>
      <p class="lead">
        {area.name} · {t("catalogue.code")} <code>{scheme.code}</code> · <OpenChip scheme={scheme} today={swedishDate(c.var.deps.clock.now())} />
      </p>
      <Tabs label={t("catalogue.schemeParts")} current={schemeUrl(scheme.id, here.path)} tabs={TABS.map((x) => ({ href: schemeUrl(scheme.id, x.path), label: x.label }))} />
      <DoneNotice c={c} />
      {content}
    </>
  );
}

export const schemePageTitle = (scheme: Scheme, tab: SchemeTab) => `${TABS.find((x) => x.tab === tab)!.label} – ${scheme.name}`;
