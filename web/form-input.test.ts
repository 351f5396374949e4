import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Deps } from "../modules/deps.ts";
import type { AppEnv } from "./env.ts";
import { clientIp } from "./form-input.ts";

/** What clientIp answers for a request with this X-Forwarded-For, behind a trusted proxy or not. */
async function ipFor(forwardedFor: string, trustProxy = true): Promise<string> {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("deps", { config: { trustProxy } } as Deps);
    await next();
  });
  app.get("/", (c) => c.text(clientIp(c)));
  const res = await app.request("/", { headers: { "X-Forwarded-For": forwardedFor } }, { incoming: { socket: { remoteAddress: "10.0.0.5" } } });
  return res.text();
}

describe("clientIp", () => {
  it("takes the address the proxy appended, IPv4 or IPv6", async () => {
    expect(await ipFor("203.0.113.9")).toBe("203.0.113.9");
    expect(await ipFor("198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(await ipFor("2001:db8::1")).toBe("2001:db8::1");
  });

  it("falls back to the proxy's own address when the header holds no plain address (BankID would refuse it)", async () => {
    for (const junk of ["", "aaaa", "999.1.1.1", "__proto__", "203.0.113.9, nonsense", "fe80::1%eth0"]) expect(await ipFor(junk), junk).toBe("10.0.0.5");
  });

  it("ignores the header unless the proxy is trusted", async () => {
    expect(await ipFor("203.0.113.9", false)).toBe("10.0.0.5");
  });
});
