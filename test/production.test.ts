import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../db/schema/index.ts";
import { seedDemoData } from "../db/seed/demo.ts";
import { buildRuntime, createApp, type Runtime } from "../hono.config.ts";
import { makeTestPki, type TestPki } from "../lib/bankid/test-certs.ts";
import { readConfig } from "../lib/config.ts";
import { browserClient } from "./harness.ts";
import { GOOD_PASSWORD, seedUser } from "./fixtures.ts";
import { loginCode, startMailSink, type MailSink } from "./mail-sink.ts";

let dataDir: string;
let pki: TestPki;
let mail: MailSink;
let runtime: Runtime;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "certportal-prod-"));
  pki = makeTestPki();
  mail = await startMailSink();
  const config = readConfig({
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PUBLIC_URL: "https://online.example.org",
    SMTP_URL: mail.url,
    BANKID_MODE: "test",
    BANKID_CERT: pki.client.cert,
    BANKID_KEY: pki.client.key,
    BANKID_CA: pki.ca,
  });
  runtime = await buildRuntime(config);
});
afterAll(async () => {
  await runtime.close();
  await mail.close();
  pki.remove();
  await rm(dataDir, { recursive: true, force: true });
});

describe("NODE_ENV=production", () => {
  it("has no simulator, no /dev pages and no demo data", async () => {
    expect(runtime.simulator).toBeNull();
    const app = createApp(runtime);
    expect((await app.request("https://online.example.org/dev/mail")).status).toBe(404);
    expect((await app.request("https://online.example.org/dev/bankid")).status).toBe(404);
    expect(await seedDemoData(runtime.deps)).toEqual([]);
    expect(await runtime.deps.db.select().from(persons).all()).toEqual([]);
  });

  it("sets Secure __Host- cookies and HSTS", async () => {
    await seedUser(runtime.deps, { email: "p@example.se" });
    const app = createApp(runtime);
    const client = browserClient(app, "https://online.example.org");
    const res = await client.post("/logga-in", { epost: "p@example.se", losenord: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    const challenge = res.headers.getSetCookie().find((c) => c.startsWith("__Host-login="))!;
    expect(challenge).toMatch(/;\s*Secure/i);
    const code = loginCode(await mail.waitFor((m) => m.to.includes("p@example.se")));
    const done = await client.post("/logga-in/kod", { code });
    const session = done.headers.getSetCookie().find((c) => c.startsWith("__Host-session="))!;
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    expect((await client.get("/min-sida")).status).toBe(200);
  });
});
