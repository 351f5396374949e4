import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp, createRuntimeFromEnv } from "./hono.config.ts";
import { exitIfStartupRefused } from "./db/open-checked.ts";
import { closeGracefully } from "./lib/graceful-close.ts";
import { startScheduler } from "./modules/lifecycle/scheduler.ts";
import { recoverFiles } from "./modules/maintenance/index.ts";

/** The only file that listens. */
const runtime = await createRuntimeFromEnv().catch(exitIfStartupRefused);
// Crash recovery: files a crash left without a row (and temp files) go; missing files are logged.
await recoverFiles(runtime.deps);
const { config } = runtime.deps;
const app = createApp(runtime);

if (!config.production) {
  // Loaded only here: production never carries the demo data's code (nor the sharp it pulls in).
  const { seedDemoData } = await import("./db/seed/demo.ts");
  const logins = await seedDemoData(runtime.deps);
  if (logins.length) {
    console.log("\nDemokonton (inloggning kräver en engångskod: läs den på /dev/mail):");
    for (const l of logins) console.log(`  ${l.role.padEnd(22)} ${l.email.padEnd(34)} ${l.password}${l.note ? `  (${l.note})` : ""}`);
  }
}

// Expiry, the end of suspensions and reminders: at night, and now.
const scheduler = startScheduler(runtime.deps);
// What a crash or a stop left in the utkorg (mail, an invoice's PDF) goes now, not at the first tick.
runtime.deps.mailQueue.kick();

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`\ncertportal körs på ${config.publicUrl} (port ${info.port}, ${config.nodeEnv})`);
  console.log(`Databas: ${config.databaseUrl}`);
  if (!config.production) console.log(`Utkorg: ${config.publicUrl}/dev/mail · BankID-simulator: ${config.publicUrl}/dev/bankid`);
});

// SIGTERM (a deploy, a supervisor) or Ctrl-C: no new connections; requests in flight are answered
// (up to SHUTDOWN_GRACE_MS), then the nightly jobs stop, the mail sender finishes the mail it is
// sending and the database closes. A second signal does not wait.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    console.log(`${signal} igen: avslutar utan att vänta.`);
    process.exit(1);
  }
  stopping = true;
  const grace = config.shutdownGraceMs;
  console.log(`\n${signal}: tar inte emot nya förfrågningar; väntar på pågående (högst ${grace} ms).`);
  // Should closing the jobs or the database hang, the process still ends.
  setTimeout(() => {
    console.error("Avstängningen tog för lång tid; avslutar ändå.");
    process.exit(1);
  }, grace + 15_000).unref();
  try {
    const outcome = await closeGracefully(server as Server, grace);
    if (outcome === "timeout") console.warn(`Förfrågningar pågick fortfarande efter ${grace} ms; deras anslutningar stängdes.`);
    await scheduler.stop();
    await runtime.close();
  } catch (e) {
    console.error("Avstängningen misslyckades:", e);
    process.exit(1);
  }
  console.log("certportal har stängts.");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
