import { Cron } from "croner";
import type { Deps } from "../deps.ts";
import { runDailySweep, type SweepResult } from "./sweep.ts";

/** 02:15 Swedish time every day: after midnight, so "yesterday was the last day" is settled. */
export const DAILY_SWEEP_PATTERN = "15 2 * * *";

/**
 * The scheduler inside the server: the daily sweep at night and once at start. croner only says
 * when; what has been done lives in the database (the lease, the reminder rows), so a restart,
 * a second process or a run of `npm run cli -- jobs:run` beside it changes nothing twice.
 */
export function startScheduler(deps: Deps, options: { pattern?: string; runOnStart?: boolean; log?: (message: string, error?: unknown) => void } = {}) {
  const log = options.log ?? ((m, e) => (e ? console.error(m, e) : console.log(m)));
  const run = async (): Promise<SweepResult | null> => {
    try {
      const r = await runDailySweep(deps);
      if (r.ran && (r.expired || r.reinstated || r.reminders || r.suspensionNotices)) log(`Daglig körning: ${r.expired} utgångna, ${r.reinstated} återaktiverade, ${r.suspensionNotices} vilandeaviseringar, ${r.reminders} påminnelser.`);
      return r;
    } catch (error) {
      log("Daglig körning misslyckades; den görs om vid nästa tillfälle.", error);
      return null;
    }
  };
  // protect: a run that takes longer than the interval is not started twice in this process.
  const job = new Cron(options.pattern ?? DAILY_SWEEP_PATTERN, { timezone: "Europe/Stockholm", protect: true }, () => void run());
  const first = options.runOnStart === false ? Promise.resolve(null) : run();
  return {
    first,
    nextRun: () => job.nextRun(),
    stop: async () => {
      job.stop();
      await first;
    },
  };
}
