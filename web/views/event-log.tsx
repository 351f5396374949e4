import type { EventRow } from "../../modules/audit/index.ts";
import { DataTable, type Column } from "./data-table.tsx";

/**
 * The details an event may carry that are worth a reader's time, in words. Only these keys are
 * shown: the rest (e-mail addresses, technical flags) stay in the record.
 */
function describe(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  const out: string[] = [];
  const text = (key: string) => (typeof details[key] === "string" && details[key] !== "" ? (details[key] as string) : null);
  if (text("case")) out.push(`Ärende ${text("case")}`);
  if (text("appealed")) out.push(`Överklagat beslut: ${text("appealed")}`);
  if (text("person")) out.push(`Person: ${text("person")}`);
  if (text("company")) out.push(`Företag: ${text("company")}`);
  if (text("name")) out.push(`Företag: ${text("name")}`);
  if (text("startDate")) out.push(`Startdatum: ${text("startDate")}`);
  if (text("endDate")) out.push(`Slutdatum: ${text("endDate")}`);
  if (text("area")) out.push(`Teknikområde: ${text("area")}`);
  if (text("certificate")) out.push(`Certifikat: ${text("certificate")}`);
  if (text("centre")) out.push(`Examinationscenter: ${text("centre")}`);
  if (text("session")) out.push(`Provtillfälle: ${text("session")}`);
  if (text("result")) out.push(`Resultat: ${text("result")}`);
  if (Array.isArray(details.parts) && details.parts.length > 0) out.push(`Provdelar: ${details.parts.join("; ")}`);
  if (text("invitedAs")) out.push(`Inbjuden som ${text("invitedAs")}`);
  if (text("moment")) out.push(`Moment: ${text("moment")}`);
  if (text("file")) out.push(`Fil: ${text("file")}`);
  if (text("recipient")) out.push(`Fakturamottagare: ${text("recipient")}`);
  if (text("comment")) out.push(`Kommentar: ${text("comment")}`);
  if (typeof details.declarationVersion === "number") out.push(`Förbindelsetext version ${details.declarationVersion}`);
  if (text("reason")) out.push(`Motivering: ${text("reason")}`);
  if (text("consequence")) out.push(text("consequence")!);
  if (Array.isArray(details.changed) && details.changed.length > 0) out.push(`Ändrat: ${details.changed.join(", ")}`);
  if (details.ownRequestAsAdmin === true) out.push("Egen förfrågan, bekräftad som certifikatsadministratör");
  if (details.first === true) out.push("Den som registrerade företaget");
  if (details.because === "employment_ended") out.push("Anställningen avslutades");
  return out;
}

const COLUMNS: Column<EventRow>[] = [
  { key: "tid", label: "Tid", value: (e) => e.at },
  {
    key: "handelse",
    label: "Händelse",
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
  { key: "utford-av", label: "Utförd av", value: (e) => e.actorName, groupable: true },
];

/** The Händelselogg: what happened, when, and who did it; newest first. */
export const EventLog = ({ events, path, query }: { events: EventRow[]; path: string; query?: Record<string, string> }) => (
  <section aria-labelledby="handelselogg">
    <h2 id="handelselogg">Händelselogg</h2>
    <DataTable prefix="logg" caption="Händelselogg" columns={COLUMNS} rows={events} path={path} query={query} empty="Inga händelser ännu." defaultSort={{ key: "tid", dir: "desc" }} />
  </section>
);
