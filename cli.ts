import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildRuntime, readConfig } from "./hono.config.ts";
import { seedDemoData } from "./db/seed/demo.ts";
import { DomainError, Invalid } from "./lib/errors.ts";
import { createStaffUser } from "./modules/accounts/index.ts";
import type { Role } from "./modules/deps.ts";
import { runDailySweep } from "./modules/lifecycle/sweep.ts";

const USAGE = `Användning: npm run cli -- <kommando>

  staff:create --email E --name "Förnamn Efternamn" --role reviewer|decider|admin
                     skapar ett personalkonto och skriver ut ett engångslösenord
  db:migrate         kör databasens migreringar
  db:backup FIL      skriver en konsistent kopia av databasen till FIL
  demo:seed          lägger in demodata i en tom databas (inte i produktion)
  jobs:run           kör den dagliga körningen en gång (utgångna certifikat, slut på
                     vilandeperioder, påminnelser) och skickar det som ligger i utkorgen`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = readConfig();
  // Every command opens the database, which also applies pending migrations.
  const runtime = await buildRuntime(config);
  try {
    switch (command) {
      case "db:migrate":
        console.log(`Databasen är migrerad: ${config.databaseUrl}`);
        return 0;
      case "db:backup": {
        const file = rest[0];
        if (!file) throw new Invalid({ file: "Ange filen att skriva kopian till: db:backup FIL" });
        if (!config.databaseUrl.startsWith("file:")) throw new Invalid({ file: "db:backup fungerar för en inbäddad databasfil; för en libSQL-server, använd serverns egna säkerhetskopior." });
        const target = path.resolve(file);
        await mkdir(path.dirname(target), { recursive: true });
        // VACUUM INTO writes a consistent copy while the server keeps running.
        await runtime.database.client.execute({ sql: "VACUUM INTO ?", args: [target] });
        console.log(`Säkerhetskopia skriven: ${target}`);
        return 0;
      }
      case "jobs:run": {
        const r = await runDailySweep(runtime.deps);
        if (!r.ran) {
          console.log("En annan process kör den dagliga körningen just nu; inget gjordes.");
          return 0;
        }
        await runtime.deps.mailQueue.drain();
        console.log(`Daglig körning klar: ${r.expired} utgångna, ${r.reinstated} återaktiverade, ${r.suspensionNotices} vilandeaviseringar, ${r.reminders} påminnelser (${r.mails} mejl).`);
        return 0;
      }
      case "demo:seed": {
        const logins = await seedDemoData(runtime.deps);
        if (config.production) console.log("Demodata läggs aldrig in i produktion.");
        else if (logins.length === 0) console.log("Databasen är inte tom: ingen demodata lades in.");
        else for (const l of logins) console.log(`${l.role}: ${l.email} / ${l.password}`);
        return 0;
      }
      case "staff:create": {
        const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } } });
        if (!values.email || !values.name || !values.role) throw new Invalid({ args: 'Ange --email, --name och --role, t.ex. staff:create --email anna@exempel.se --name "Anna Andersson" --role reviewer' });
        const { oneTimePassword } = await createStaffUser(runtime.deps, { email: values.email, name: values.name, role: values.role as Role });
        console.log(`Personalkonto skapat för ${values.email} (${values.role}).`);
        console.log(`Engångslösenord: ${oneTimePassword}`);
        console.log("Lösenordet måste bytas vid första inloggningen.");
        return 0;
      }
      default:
        console.error(`Okänt kommando: ${command}\n\n${USAGE}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof Invalid) {
      console.error(Object.values(e.fields).join("\n"));
      return 2;
    }
    if (e instanceof DomainError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  } finally {
    await runtime.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
