import type { EventRow } from "../../modules/audit/index.ts";
import { formatDateTime } from "./time.ts";

/** The Händelselogg: what happened, when, and who did it. */
export const EventLog = ({ events }: { events: EventRow[] }) => (
  <section aria-labelledby="handelselogg">
    <h2 id="handelselogg">Händelselogg</h2>
    <p class="hits">{events.length === 1 ? "1 träff" : `${events.length} träffar`}</p>
    <table class="data">
      <thead>
        <tr>
          <th scope="col">Tid</th>
          <th scope="col">Händelse</th>
          <th scope="col">Utförd av</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr>
            <td>
              <time datetime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            </td>
            <td>{e.label}</td>
            <td>{e.actorName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);
