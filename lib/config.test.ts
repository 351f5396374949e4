import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.ts";

describe("configuration (DESIGN.md §3)", () => {
  it("works on a laptop with no variables at all", () => {
    const c = readConfig({});
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe("http://localhost:3000");
    expect(c.dataDir).toMatch(/data$/);
    expect(c.databaseUrl).toBe(`file:${c.dataDir}/certportal.db`);
    expect(c.smtpUrl).toBeUndefined();
    expect(c.bankId.mode).toBe("simulator");
    expect(c.production).toBe(false);
    expect(c.org.name).toBe("Certifieringsorganet");
  });

  it("derives PUBLIC_URL from PORT and the database from DATA_DIR", () => {
    const c = readConfig({ PORT: "8080", DATA_DIR: "/srv/cp", ORG_NAME: "Exempel AB" });
    expect(c.publicUrl).toBe("http://localhost:8080");
    expect(c.databaseUrl).toBe("file:/srv/cp/certportal.db");
    expect(c.mailFrom).toBe("Exempel AB <noreply@localhost>");
    expect(readConfig({ DATABASE_URL: "libsql://db.example.org", DATABASE_AUTH_TOKEN: "t" })).toMatchObject({ databaseUrl: "libsql://db.example.org", databaseAuthToken: "t" });
  });

  it("has the organisation's invoice and signatory details, with the VAT number derived", () => {
    expect(readConfig({}).org).toMatchObject({ orgNumber: "000000-0000", vatNumber: "SE000000000001", bankgiro: "000-0000", signatory: { name: "", title: "Certifieringsansvarig" } });
    const org = readConfig({ ORG_ORGNR: "556677-8899", ORG_BANKGIRO: "5050-1055", ORG_SIGNATORY: "Karin Ek", ORG_SIGNATORY_TITLE: "Certifieringschef" }).org;
    expect(org).toMatchObject({ orgNumber: "556677-8899", vatNumber: "SE556677889901", bankgiro: "5050-1055", signatory: { name: "Karin Ek", title: "Certifieringschef" } });
    expect(readConfig({ ORG_VATNR: "SE999999999901" }).org.vatNumber).toBe("SE999999999901");
  });

  it("limits the public lookups to 120 a minute per address unless PUBLIC_RATE_LIMIT says otherwise", () => {
    expect(readConfig({}).publicRateLimit).toBe(120);
    expect(readConfig({ PUBLIC_RATE_LIMIT: "0" }).publicRateLimit).toBe(0);
    expect(readConfig({ PUBLIC_RATE_LIMIT: "6000" }).publicRateLimit).toBe(6000);
    expect(() => readConfig({ PUBLIC_RATE_LIMIT: "-1" })).toThrow(ConfigError);
    expect(() => readConfig({ PUBLIC_RATE_LIMIT: "lots" })).toThrow(ConfigError);
  });

  it("waits 10 s for requests in flight at shutdown unless SHUTDOWN_GRACE_MS says otherwise", () => {
    expect(readConfig({}).shutdownGraceMs).toBe(10_000);
    expect(readConfig({ SHUTDOWN_GRACE_MS: "0" }).shutdownGraceMs).toBe(0);
    expect(readConfig({ SHUTDOWN_GRACE_MS: "30000" }).shutdownGraceMs).toBe(30_000);
    expect(() => readConfig({ SHUTDOWN_GRACE_MS: "-5" })).toThrow(ConfigError);
    expect(() => readConfig({ SHUTDOWN_GRACE_MS: "soon" })).toThrow(ConfigError);
  });

  it("logs at info unless LOG_LEVEL says otherwise, and refuses a level pino does not know", () => {
    expect(readConfig({}).logLevel).toBe("info");
    expect(readConfig({ LOG_LEVEL: "debug" }).logLevel).toBe("debug");
    expect(readConfig({ LOG_LEVEL: "WARN" }).logLevel).toBe("warn");
    expect(() => readConfig({ LOG_LEVEL: "loud" })).toThrow(ConfigError);
  });

  it("never allows the BankID simulator in production", () => {
    expect(() => readConfig({ NODE_ENV: "production", BANKID_MODE: "simulator" })).toThrow(ConfigError);
    expect(readConfig({ NODE_ENV: "production" }).bankId.mode).toBe("production");
  });

  it("refuses nonsense", () => {
    expect(() => readConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => readConfig({ BANKID_MODE: "maybe" })).toThrow(ConfigError);
  });
});
