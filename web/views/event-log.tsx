import type { EventRow } from "../../modules/audit/index.ts";
import { DataTable, type Column } from "./data-table.tsx";
import { t } from "../../lib/i18n/index.ts";

/**
 * The details an event may carry that are worth a reader's time, in words. Only these keys are
 * shown: the rest (e-mail addresses, technical flags) stay in the record.
 */
function describe(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  const out: string[] = [];
  const text = (key: string) => (typeof details[key] === "string" && details[key] !== "" ? (details[key] as string) : null);
  if (text("case")) out.push(t("events.detail.case", text("case")!));
  if (text("appealed")) out.push(t("events.detail.appealed", text("appealed")!));
  if (text("person")) out.push(t("events.detail.person", text("person")!));
  if (text("company")) out.push(t("events.detail.company", text("company")!));
  if (text("name")) out.push(t("events.detail.company", text("name")!));
  if (text("startDate")) out.push(t("events.detail.startDate", text("startDate")!));
  if (text("endDate")) out.push(t("events.detail.endDate", text("endDate")!));
  if (text("area")) out.push(t("events.detail.area", text("area")!));
  if (text("certificate")) out.push(t("events.detail.certificate", text("certificate")!));
  if (text("centre")) out.push(t("events.detail.centre", text("centre")!));
  if (text("session")) out.push(t("events.detail.session", text("session")!));
  if (text("result")) out.push(t("events.detail.result", text("result")!));
  if (Array.isArray(details.parts) && details.parts.length > 0) out.push(t("events.detail.parts", details.parts.join("; ")));
  if (Array.isArray(details.before) && details.before.length > 0) out.push(t("events.detail.before", details.before.join("; ")));
  if (text("invitedAs")) out.push(t("events.detail.invitedAs", text("invitedAs")!));
  if (text("moment")) out.push(t("events.detail.moment", text("moment")!));
  if (text("file")) out.push(t("events.detail.file", text("file")!));
  if (text("recipient")) out.push(t("events.detail.recipient", text("recipient")!));
  if (text("comment")) out.push(t("events.detail.comment", text("comment")!));
  if (typeof details.declarationVersion === "number") out.push(t("events.detail.declarationVersion", details.declarationVersion));
  if (text("reason")) out.push(t("events.detail.reason", text("reason")!));
  if (text("consequence")) out.push(text("consequence")!);
  if (Array.isArray(details.changed) && details.changed.length > 0) out.push(t("events.detail.changed", details.changed.join(", ")));
  if (text("language")) out.push(t("events.detail.language", text("language")!));
  if (details.ownRequestAsAdmin === true) out.push(t("events.detail.ownRequestAsAdmin"));
  if (details.first === true) out.push(t("events.detail.first"));
  if (details.because === "employment_ended") out.push(t("events.detail.employmentEnded"));
  return out;
}

const COLUMNS: Column<EventRow>[] = [
  {
    key: "tid",
    get label() {
      return t("events.col.time");
    },
    value: (e) => e.at,
  },
  {
    key: "handelse",
    get label() {
      return t("events.col.event");
    },
    // The details are searchable too: "Motivering", the person, the company.
    value: (e) => [e.label, ...describe(e.details)].join("\n"),
    // Grouped by what happened, whatever the details.
    groupable: true,
    groupValue: (e) => e.label,
    render: (e) => {
      const lines = describe(e.details);
      return (
        <>
          {e.label}
          {lines.length ? (
            <ul class="event-details">
              {lines.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
          ) : null}
        </>
      );
    },
  },
  {
    key: "utford-av",
    get label() {
      return t("events.col.by");
    },
    value: (e) => e.actorName,
    groupable: true,
  },
];

/** The Händelselogg: what happened, when, and who did it; newest first. */
export const EventLog = ({ events, path, query }: { events: EventRow[]; path: string; query?: Record<string, string> }) => (
  <section aria-labelledby="handelselogg">
    <h2 id="handelselogg">{t("common.eventLog")}</h2>
    <DataTable prefix="logg" caption={t("common.eventLog")} columns={COLUMNS} rows={events} path={path} query={query} empty={t("events.none")} defaultSort={{ key: "tid", dir: "desc" }} />
  </section>
);
