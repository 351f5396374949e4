// Issue 15, "Crash recovery": the real server killed with SIGKILL at random moments during
// concurrent uploads, company and account registrations and grants, 50 times on one DATA_DIR.
// After every restart `check` finds nothing wrong and every acknowledged write is there (see
// test/crash-drill.ts for what is looked at). `npm run drill:crash` runs the same for 200 loops.
import { describe, expect, it } from "vitest";
import { drillPassed, drillSummary, runCrashDrill } from "./crash-drill.ts";

const LOOPS = 50;

describe("SIGKILL during writes", () => {
  it(
    `loses no acknowledged write and leaves nothing for check to find, over ${LOOPS} kills`,
    async () => {
      const report = await runCrashDrill({ loops: LOOPS });
      console.log(drillSummary(report));
      expect(report.failures).toEqual([]);
      expect(report.loops).toBe(LOOPS);
      expect(drillPassed(report)).toBe(true);
      // The drill must really have been cut off mid-work and have had work to check.
      expect(report.killsInFlight).toBeGreaterThan(LOOPS / 2);
      expect(report.acked.upload).toBeGreaterThan(0);
      expect(report.acked.company).toBeGreaterThan(0);
      expect(report.acked.account).toBeGreaterThan(0);
      expect(report.acked.grant).toBeGreaterThan(0);
      expect(report.ackChecks).toBeGreaterThan(report.acked.upload + report.acked.company + report.acked.account + report.acked.grant);
    },
    15 * 60_000,
  );
});
