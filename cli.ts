import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildRuntime, readConfig } from "./hono.config.ts";
import { databaseFile, openCheckedDatabase, StartupRefused } from "./db/open-checked.ts";
import { seedDemoData } from "./db/seed/demo.ts";
import { systemClock } from "./lib/clock.ts";
import type { Config } from "./lib/config.ts";
import { DomainError, Invalid } from "./lib/errors.ts";
import { localFileStorage } from "./lib/storage/storage.ts";
import { createStaffUser } from "./modules/accounts/index.ts";
import type { Role } from "./modules/deps.ts";
import { revokeSigningKey, rotateSigningKey } from "./modules/credentials/index.ts";
import { runDailySweep } from "./modules/lifecycle/sweep.ts";
import { backUp, checkData, checkSummary, restoreBackup } from "./modules/maintenance/index.ts";

const USAGE = `Användning: npm run cli -- <kommando>

  staff:create --email E --name "Förnamn Efternamn" --role reviewer|decider|admin
                     skapar ett personalkonto och skriver ut ett engångslösenord
  db:migrate         kör databasens migreringar
  db:backup FIL      skriver en konsistent kopia av enbart databasen till FIL
  backup KATALOG     säkerhetskopierar databasen, alla lagrade filer och nycklar till en ny
                     katalog, med manifest.json (storlek och SHA-256 per fil); går medan
                     servern körs
  restore KATALOG [--force]
                     återställer en säkerhetskopia till DATA_DIR (stoppa servern först; en
                     DATA_DIR som inte är tom ersätts bara med --force) och kör sedan check
  check              kontrollerar databasen (integritet, främmande nycklar) och att varje
                     dokument har sin fil med rätt SHA-256 och varje fil sin rad
  keys:rotate        skapar en ny signeringsnyckel för digitala certifikat, statuslistor och
                     QR-koder; de gamla publiceras fortfarande, så det de har signerat
                     går att verifiera
  keys:revoke KID --reason "SKÄL"
                     spärrar en signeringsnyckel som kan ha läckt: den publiceras inte
                     längre och inget den har signerat går att verifiera (är det den
                     aktuella skapas först en ny); innehavarna laddar ned nya digitala
                     certifikat och PDF:er
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
  try {
    // These open only the database and storage: no migrations, no mail sender.
    if (command === "check") return await check(config);
    if (command === "backup") return await backup(config, rest);
    if (command === "restore") return await restore(config, rest);
  } catch (e) {
    return failed(e);
  }
  let runtime;
  try {
    // Every other command opens the database through the runtime, which applies pending migrations.
    runtime = await buildRuntime(config);
  } catch (e) {
    return failed(e);
  }
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
      case "keys:rotate": {
        const { kid, retired } = await rotateSigningKey(path.join(config.dataDir, "keys"), systemClock.now(), runtime.deps.db);
        console.log(`Ny signeringsnyckel: ${kid}`);
        if (retired.length) console.log(`Tidigare nycklar (publiceras fortfarande i /.well-known/did.json): ${retired.join(", ")}`);
        console.log("Servrar som kör tar den nya nyckeln vid nästa förfrågan.");
        return 0;
      }
      case "keys:revoke": {
        const { values, positionals } = parseArgs({ args: rest, options: { reason: { type: "string" } }, allowPositionals: true });
        if (positionals.length !== 1) throw new Invalid({ kid: 'Ange nyckelns id och skälet, t.ex. keys:revoke hZ3k9Qw1 --reason "Nyckelfilen kan ha kopierats"' });
        const { kid, newCurrent, mailed } = await revokeSigningKey(runtime.deps, path.join(config.dataDir, "keys"), positionals[0]!, values.reason ?? "", systemClock.now());
        await runtime.deps.mailQueue.drain();
        console.log(`Spärrad signeringsnyckel: ${kid}`);
        if (newCurrent) console.log(`Den var den aktuella; ny signeringsnyckel: ${newCurrent}`);
        console.log("Den publiceras inte längre i /.well-known/did.json, och det den har signerat godtas inte vid verifiering.");
        console.log("Servrar som kör ser det vid nästa förfrågan. Innehavarna får nya digitala certifikat och PDF:er när de laddar ned dem igen.");
        console.log(`${mailed} innehavare av certifikat som gäller har fått mejl om att ladda ned dem på nytt (se Utgående e-post).`);
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
    return failed(e);
  } finally {
    await runtime.close();
  }
}

function failed(e: unknown): number {
  if (e instanceof StartupRefused) {
    console.error(e.message);
    return 1;
  }
  if (e instanceof Invalid) {
    console.error(Object.values(e.fields).join("\n"));
    return 2;
  }
  if (e instanceof DomainError) {
    console.error(e.message);
    return 2;
  }
  throw e;
}

function embeddedOnly(config: Config, command: string): void {
  if (!config.databaseUrl.startsWith("file:")) throw new Invalid({ database: `${command} fungerar för en inbäddad databasfil; för en libSQL-server, använd serverns egna säkerhetskopior.` });
}

/** Prints every fault and the summary; 0 only when nothing is wrong. */
async function check(config: Config): Promise<number> {
  const database = await openCheckedDatabase(config);
  try {
    const report = await checkData({ db: database.db, storage: localFileStorage(path.join(config.dataDir, "uploads")) });
    for (const fault of report.faults) console.log(`FEL: ${fault.message}`);
    console.log(checkSummary(report));
    return report.faults.length ? 1 : 0;
  } finally {
    database.close();
  }
}

async function backup(config: Config, args: string[]): Promise<number> {
  const dir = args[0];
  if (!dir) throw new Invalid({ dir: "Ange katalogen att skriva säkerhetskopian till: backup KATALOG" });
  embeddedOnly(config, "backup");
  const database = await openCheckedDatabase(config);
  try {
    const r = await backUp({ db: database.db, storage: localFileStorage(path.join(config.dataDir, "uploads")), dataDir: config.dataDir }, dir, systemClock.now());
    for (const fault of r.faults) console.log(`FEL: ${fault}`);
    console.log(`Säkerhetskopia skriven till ${r.dir}: databasen, ${r.documents} dokument och ${r.keyFiles} nyckelfiler (${(r.bytes / 1_048_576).toFixed(1)} MB), med manifest.json.`);
    if (r.faults.length) {
      console.log(`Säkerhetskopian är ofullständig: ${r.faults.length} fel. Kör npm run cli -- check.`);
      return 1;
    }
    return 0;
  } finally {
    database.close();
  }
}

async function restore(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean" } } });
  const dir = positionals[0];
  if (!dir) throw new Invalid({ dir: "Ange katalogen med säkerhetskopian: restore KATALOG [--force]" });
  embeddedOnly(config, "restore");
  const r = await restoreBackup(dir, { dataDir: config.dataDir, databaseFile: databaseFile(config.databaseUrl) }, { force: values.force });
  console.log(`Återställt till ${config.dataDir}: databasen, ${r.documents} dokument och ${r.keyFiles} nyckelfiler (${(r.bytes / 1_048_576).toFixed(1)} MB).`);
  const status = await check(config);
  if (status !== 0) console.log("Återställningen är gjord, men kontrollen hittade fel (se ovan).");
  return status;
}

process.exitCode = await main(process.argv.slice(2));
