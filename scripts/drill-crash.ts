// `npm run drill:crash`: the SIGKILL drill of test/crash-drill.ts, longer than the test suite's.
// LOOPS (default 200) and DRILL_MINUTES (default 30) bound it; KEEP=1 leaves DATA_DIR for a look.
// Exits 1 on any integrity failure, orphan, lost acknowledged write or other finding.
import { drillPassed, drillSummary, runCrashDrill } from "../test/crash-drill.ts";

const loops = positive("LOOPS", 200);
const minutes = positive("DRILL_MINUTES", 30);

console.log(`SIGKILL-övning: ${loops} varv, högst ${minutes} minuter.`);
const report = await runCrashDrill({ loops, timeLimitMs: minutes * 60_000, keep: process.env.KEEP === "1", log: (line) => console.log(line) });
console.log(drillSummary(report));
if (process.env.KEEP === "1") console.log(`DATA_DIR: ${report.dataDir}`);
if (report.loops < loops) console.log(`Tiden tog slut efter ${report.loops} av ${loops} varv.`);
if (!drillPassed(report)) {
  console.error(`${report.failures.length} fel:\n${report.failures.slice(0, 50).join("\n")}`);
  process.exit(1);
}
process.exit(0);

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name} must be a positive number, not "${raw}"`);
    process.exit(2);
  }
  return n;
}
