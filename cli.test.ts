import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, createApp } from "./hono.config.ts";
import { readConfig } from "./lib/config.ts";
import { browserClient, textOf } from "./test/harness.ts";
import { loginCode, startMailSink, type MailSink } from "./test/mail-sink.ts";

const run = promisify(execFile);
let dataDir: string;
let mail: MailSink;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "certportal-cli-"));
  mail = await startMailSink();
});
afterAll(async () => {
  await mail.close();
  await rm(dataDir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "cli.ts", ...args], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" }, cwd: import.meta.dirname });
}

describe("npm run cli", () => {
  it("staff:create prints a one-time password that logs in and must be changed", async () => {
    const { stdout } = await cli("staff:create", "--email", "Greta@Example.org", "--name", "Greta Granskare", "--role", "reviewer");
    const password = /Engångslösenord: (\S+)/.exec(stdout)![1]!;
    const config = readConfig({ NODE_ENV: "test", DATA_DIR: dataDir, SMTP_URL: mail.url, PUBLIC_URL: "http://localhost:3000" });
    const runtime = await buildRuntime(config);
    try {
      const client = browserClient(createApp(runtime));
      expect((await client.post("/logga-in", { epost: "greta@example.org", losenord: password })).status).toBe(303);
      const code = loginCode(await mail.waitFor((m) => m.to.includes("greta@example.org")));
      const res = await client.post("/logga-in/kod", { code });
      expect(res.headers.get("Location")).toBe("/min-sida/andra-losenord");
      const next = "Granskning-Pa-Mandag-42";
      const changed = await client.post("/min-sida/andra-losenord", { current: password, next, repeat: next });
      expect(textOf(await changed.text())).toContain('Gå vidare till "Personal"');
      expect((await client.get("/personal")).status).toBe(200);
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it("refuses a second account with the same e-mail and a bad role, with exit code 2", async () => {
    await expect(cli("staff:create", "--email", "greta@example.org", "--name", "Greta Två", "--role", "decider")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("finns redan") });
    await expect(cli("staff:create", "--email", "x@example.org", "--name", "X Y", "--role", "boss")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("reviewer, decider eller admin") });
  }, 60_000);

  it("db:migrate and db:backup write a consistent copy", async () => {
    expect((await cli("db:migrate")).stdout).toContain("migrerad");
    const target = path.join(dataDir, "backup", "copy.db");
    expect((await cli("db:backup", target)).stdout).toContain("Säkerhetskopia skriven");
    expect((await stat(target)).size).toBeGreaterThan(10_000);
  }, 60_000);

  it("keys:revoke takes a signing key out of use, asks for a reason and refuses in Swedish what it cannot do", async () => {
    const keyFile = async () => (await readdir(path.join(dataDir, "keys"))).find((f) => /^ed25519-\d+-[\w-]{16}\.jwk$/.test(f))!;
    const current = JSON.parse(await readFile(path.join(dataDir, "keys", await keyFile()), "utf8")).kid as string;
    await expect(cli("keys:revoke")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Ange nyckelns id och skälet") });
    await expect(cli("keys:revoke", current)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Ange varför nyckeln spärras med --reason") });
    await expect(cli("keys:revoke", "AAAAAAAAAA", "--reason", "Läckt")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Ingen signeringsnyckel AAAAAAAAAA") });
    const { stdout } = await cli("keys:revoke", current.slice(0, 10), "--reason", "Nyckelfilen kan ha kopierats");
    expect(stdout).toContain(`Spärrad signeringsnyckel: ${current}`);
    const next = JSON.parse(await readFile(path.join(dataDir, "keys", await keyFile()), "utf8")).kid as string;
    expect(next).not.toBe(current);
    expect(stdout).toContain(`Den var den aktuella; ny signeringsnyckel: ${next}`);
    await expect(cli("keys:revoke", current, "--reason", "Igen")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("är redan spärrad") });
  }, 60_000);
});
