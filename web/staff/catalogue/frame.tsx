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

export const CATALOGUE_PATH = "/personal/katalog";
export const NEW_AREA_PATH = `${CATALOGUE_PATH}/teknikomraden/nytt`;
export const NEW_SCHEME_PATH = `${CATALOGUE_PATH}/certifikat/nytt`;
export const areaUrl = (id: string) => `${CATALOGUE_PATH}/teknikomraden/${id}`;
export const schemeUrl = (id: string, tab = "") => `${CATALOGUE_PATH}/certifikat/${id}${tab}`;
export const requirementUrl = (id: string, sub = "") => `${CATALOGUE_PATH}/moment/${id}${sub}`;

export type SchemeTab = "installningar" | "forbindelsetext" | "moment" | "handelselogg";
const TABS: { tab: SchemeTab; path: string; label: string }[] = [
  { tab: "installningar", path: "", label: "Inställningar" },
  { tab: "forbindelsetext", path: "/forbindelsetext", label: "Förbindelsetext" },
  { tab: "moment", path: "/moment", label: "Moment" },
  { tab: "handelselogg", path: "/handelselogg", label: "Händelselogg" },
];

/** Messages after a redirect, named by `?klart=`; nothing from the query itself is shown. */
const DONE: Record<string, string> = {
  sparat: "Ändringarna är sparade.",
  oforandrat: "Inget var ändrat, så inget sparades.",
  omrade: "Teknikområdet är skapat.",
  skapat: "Certifikatet är skapat med version 1 av förbindelsetexten. Lägg nu till de moment den sökande ska genomföra.",
  publicerad: "Den nya versionen av förbindelsetexten är publicerad. Nya intyganden gäller den; ansökningar som redan är intygade behåller sin version.",
  tillagt: "Momentet är tillagt. Ansökningar som påbörjas från och med nu får det; pågående ansökningar påverkas inte.",
  avvecklat: "Momentet är avvecklat. Nya ansökningar får det inte; ansökningar som redan har det behåller det.",
  filmall: "Filmallen är uppladdad. Sökande som laddar ned filmallen får den nya från och med nu.",
};

export const DoneNotice = ({ c }: { c: Context<AppEnv> }) => {
  const text = ownEntry(DONE, c.req.query("klart"));
  return text ? (
    <Notice kind="success">
      <p>{text}</p>
    </Notice>
  ) : null;
};

export const Breadcrumbs = ({ trail }: { trail: { href?: string; label: string }[] }) => (
  <nav class="breadcrumbs" aria-label="Du är här">
    <a href="/personal">Personal</a> › {trail.length ? <a href={CATALOGUE_PATH}>Katalog</a> : "Katalog"}
    {trail.map((t) => (
      <>
        {" › "}
        {t.href ? <a href={t.href}>{t.label}</a> : t.label}
      </>
    ))}
  </nav>
);

export const OpenChip = ({ scheme, today }: { scheme: Pick<Scheme, "activeFrom" | "activeTo">; today: string }) =>
  isOpenForApplication(scheme, today) ? <span class="status status--active">Öppen för ansökan</span> : <span class="status status--muted">Stängd för ansökan</span>;

/** The scheme page around one tab's content. */
export function schemeFrame(c: Context<AppEnv>, ctx: { scheme: Scheme; area: Area }, tab: SchemeTab, content: Child): Child {
  const { scheme, area } = ctx;
  const here = TABS.find((t) => t.tab === tab)!;
  return (
    <>
      <Breadcrumbs trail={tab === "installningar" ? [{ label: scheme.name }] : [{ href: schemeUrl(scheme.id), label: scheme.name }, { label: here.label }]} />
      <h1>{scheme.name}</h1>
      <p class="lead">
        {area.name} · kod <code>{scheme.code}</code> · <OpenChip scheme={scheme} today={swedishDate(c.var.deps.clock.now())} />
      </p>
      <Tabs label="Certifikatets delar" current={schemeUrl(scheme.id, here.path)} tabs={TABS.map((t) => ({ href: schemeUrl(scheme.id, t.path), label: t.label }))} />
      <DoneNotice c={c} />
      {content}
    </>
  );
}

export const schemePageTitle = (scheme: Scheme, tab: SchemeTab) => `${TABS.find((t) => t.tab === tab)!.label} – ${scheme.name}`;
