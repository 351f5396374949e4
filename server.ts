import { serve } from "@hono/node-server";
import { createApp, createRuntimeFromEnv } from "./hono.config.ts";
import { seedDemoData } from "./db/seed/demo.ts";
import { startScheduler } from "./modules/lifecycle/scheduler.ts";

/** The only file that listens. */
const runtime = await createRuntimeFromEnv();
const { config } = runtime.deps;
const app = createApp(runtime);

if (!config.production) {
  const logins = await seedDemoData(runtime.deps);
  if (logins.length) {
    console.log("\nDemokonton (inloggning kräver en engångskod: läs den på /dev/mail):");
    for (const l of logins) console.log(`  ${l.role.padEnd(22)} ${l.email.padEnd(34)} ${l.password}${l.note ? `  (${l.note})` : ""}`);
  }
}

// Expiry, the end of suspensions and reminders: at night, and now.
const scheduler = startScheduler(runtime.deps);

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`\ncertportal körs på ${config.publicUrl} (port ${info.port}, ${config.nodeEnv})`);
  console.log(`Databas: ${config.databaseUrl}`);
  if (!config.production) console.log(`Utkorg: ${config.publicUrl}/dev/mail · BankID-simulator: ${config.publicUrl}/dev/bankid`);
});

function shutdown() {
  server.close(() => {
    void scheduler
      .stop()
      .then(() => runtime.close())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
