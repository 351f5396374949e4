// Årlig förlängning and Omcertifiering as the holder meets them: what is due and by when, with the
// button that starts it (or the way to the application already open). Min Sida, the company page
// and the certificate page show the same words.
import type { Context } from "hono";
import { Conflict } from "../../lib/errors.ts";
import type { RenewalDue } from "../../modules/lifecycle/due.ts";
import { nextRenewal, RENEWAL_ACTIONS, RENEWAL_LABELS } from "../../modules/lifecycle/due.ts";
import { startRenewal } from "../../modules/lifecycle/renewal.ts";
import type { AppEnv } from "../env.ts";
import { redirectAfterPost } from "../htmx.ts";
import { processUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

export const renewUrl = (certificateId: string) => `/min-sida/certifikat/${certificateId}/fornya`;

/** "Årlig förlängning senast 2027-03-14" and the like, in words, not only a colour. */
export function dueText(due: RenewalDue): string {
  const label = RENEWAL_LABELS[due.kind];
  if (due.state === "due") return t("due.by", label, due.dueOn);
  if (due.state === "missed") return t("due.missed", label, due.dueOn);
  return t("due.from", label, due.opensOn);
}

/** The date in a details list: "2027-03-14 (dags nu)", "2028-03-14 (kan sökas från 2028-01-14)". */
export function dueDetail(due: RenewalDue): string {
  if (due.state === "due") return t("due.detail.now", due.dueOn);
  if (due.state === "missed") return t("due.detail.missed", due.dueOn);
  return t("due.detail.opens", due.dueOn, due.opensOn);
}

export interface DueItem {
  certificateId: string;
  number: number;
  title: string;
  due: RenewalDue;
  /** The renewal application already open, if any. */
  openApplicationId: string | null;
}

/** The rows of a certificate list that are due now: one notice each with its button. */
export function dueItems(
  rows: { certificate: { id: string; number: number; status: "active" | "suspended" | "withdrawn" | "expired" | "ended"; validUntil: string | null; cycleEndsOn: string | null }; scheme: Parameters<typeof nextRenewal>[1] & { name: string }; area: { name: string } }[],
  open: { id: string; renewsCertificateId: string | null; status: string }[],
  today: string,
): DueItem[] {
  const items: DueItem[] = [];
  for (const r of rows) {
    const due = nextRenewal(r.certificate, r.scheme, today);
    if (!due || due.state !== "due") continue;
    const app = open.find((a) => a.renewsCertificateId === r.certificate.id && ["in_progress", "final_review", "returned"].includes(a.status));
    items.push({ certificateId: r.certificate.id, number: r.certificate.number, title: `${r.area.name} - ${r.scheme.name}`, due, openApplicationId: app?.id ?? null });
  }
  return items;
}

export const RenewalButton = ({ item }: { item: Pick<DueItem, "certificateId" | "due" | "openApplicationId"> }) =>
  item.openApplicationId ? (
    <a class="button button--secondary" href={processUrl(item.openApplicationId)}>
      {t("process.show")}
    </a>
  ) : (
    <form method="post" action={renewUrl(item.certificateId)} class="inline-form">
      <button type="submit" class="button">
        {RENEWAL_ACTIONS[item.due.kind]}
      </button>
    </form>
  );

/** "Att göra": what is due on Min Sida (or for the company), above the certificate list. */
export const DueNotices = ({ items, whose }: { items: DueItem[]; whose: "du" | "företaget" }) =>
  items.length === 0 ? null : (
    <section aria-labelledby="att-gora" class="due-notices">
      <h3 id="att-gora">{t("due.title")}</h3>
      <ul class="due-list">
        {items.map((i) => (
          <li class="notice notice--warning">
            <p>
              <strong>{dueText(i.due)}</strong>: {t("due.item", i.title, i.number)}{" "}
              {i.openApplicationId
                ? t("due.started")
                : i.due.kind === "extension"
                  ? whose === "du"
                    ? t("due.applyBy", i.due.dueOn)
                    : t("due.companyAppliesBy", i.due.dueOn)
                  : t("due.periodEnds", i.due.dueOn)}
            </p>
            <RenewalButton item={i} />
          </li>
        ))}
      </ul>
    </section>
  );

/** POST "Ansök om årlig förlängning" / "Ansök om omcertifiering": to the process page, or why not. */
export async function submitRenewal(c: Context<AppEnv>, onRefused: (message: string) => Response | Promise<Response>) {
  try {
    const { applicationId } = await startRenewal(c.var.deps, c.var.user!, { certificateId: c.req.param("id")! });
    return redirectAfterPost(c, processUrl(applicationId));
  } catch (e) {
    if (e instanceof Conflict) return onRefused(e.message);
    throw e;
  }
}
