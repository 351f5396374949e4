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

  it("never allows the BankID simulator in production", () => {
    expect(() => readConfig({ NODE_ENV: "production", BANKID_MODE: "simulator" })).toThrow(ConfigError);
    expect(readConfig({ NODE_ENV: "production" }).bankId.mode).toBe("production");
  });

  it("refuses nonsense", () => {
    expect(() => readConfig({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => readConfig({ BANKID_MODE: "maybe" })).toThrow(ConfigError);
  });
});
