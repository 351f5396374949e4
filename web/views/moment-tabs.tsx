import type { Child } from "hono/jsx";
import type { EventRow } from "../../modules/audit/index.ts";
import { EventLog } from "./event-log.tsx";
import { Tabs } from "./tabs.tsx";
import { t } from "../../lib/i18n/index.ts";

/**
 * The tabs Moment and Händelselogg under a process or a certificate: `base` is the Moment tab's
 * page, `base/handelselogg` the log's. `events` is given on the log's page, else the Moment panel shows.
 */
export const MomentTabs = ({ base, label, events, query, children }: { base: string; label: string; events: EventRow[] | null; query: Record<string, string>; children: Child }) => {
  const log = `${base}/handelselogg`;
  return (
    <>
      <Tabs
        tabs={[
          { href: base, label: t("common.moments") },
          { href: log, label: t("common.eventLog") },
        ]}
        current={events ? log : base}
        label={label}
      />
      <div class="tab-panel">
        {events ? (
          <EventLog events={events} path={log} query={query} />
        ) : (
          <section aria-labelledby="moment">
            <h2 id="moment">{t("common.moments")}</h2>
            {children}
          </section>
        )}
      </div>
    </>
  );
};
