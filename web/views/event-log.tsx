import type { EventRow } from "../../modules/audit/index.ts";
import { formatDateTime } from "./time.ts";

/**
 * The details an event may carry that are worth a reader's time, in words. Only these keys are
 * shown: the rest (e-mail addresses, technical flags) stay in the record.
 */
function describe(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  const out: string[] = [];
  const text = (key: string) => (typeof details[key] === "string" && details[key] !== "" ? (details[key] as string) : null);
  if (text("person")) out.push(`Person: ${text("person")}`);
  if (text("company")) out.push(`Företag: ${text("company")}`);
  if (text("name")) out.push(`Företag: ${text("name")}`);
  if (text("startDate")) out.push(`Startdatum: ${text("startDate")}`);
  if (text("endDate")) out.push(`Slutdatum: ${text("endDate")}`);
  if (text("reason")) out.push(`Motivering: ${text("reason")}`);
  if (details.ownRequestAsAdmin === true) out.push("Egen förfrågan, bekräftad som certifikatsadministratör");
  if (details.first === true) out.push("Den som registrerade företaget");
  if (details.because === "employment_ended") out.push("Anställningen avslutades");
  return out;
}

/** The Händelselogg: what happened, when, and who did it. */
export const EventLog = ({ events }: { events: EventRow[] }) => (
  <section aria-labelledby="handelselogg">
    <h2 id="handelselogg">Händelselogg</h2>
    <p class="hits">{events.length === 1 ? "1 träff" : `${events.length} träffar`}</p>
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Händelse</th>
            <th scope="col">Utförd av</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const lines = describe(e.details);
            return (
              <tr>
                <td>
                  <time datetime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                </td>
                <td>
                  {e.label}
                  {lines.length ? (
                    <ul class="event-details">
                      {lines.map((l) => (
                        <li>{l}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>{e.actorName}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  </section>
);
