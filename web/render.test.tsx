// The layout kept in pieces (render.tsx) gives the very bytes a whole render gives, for every kind
// of visitor and language, with titles and bodies that need escaping and bodies that render
// asynchronously.
import { Hono } from "hono";
import type { FC } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { readConfig } from "../lib/config.ts";
import { inLanguage, type Language } from "../lib/i18n/index.ts";
import type { SessionUser } from "../modules/accounts/index.ts";
import type { Deps } from "../modules/deps.ts";
import type { AppEnv } from "./env.ts";
import { pageHtml } from "./render.tsx";
import { Layout } from "./views/layout.tsx";

const config = readConfig({ NODE_ENV: "development", ORG_NAME: "Prov & <Test> AB" });
const visitor = null;
const applicant = { userId: "u1", personId: "p1", name: "Ann", roles: ["applicant"] } as unknown as SessionUser;
const staff = { userId: "u2", personId: "p2", name: "Bo", roles: ["decider"] } as unknown as SessionUser;

const Slow: FC = async () => {
  await new Promise((r) => setTimeout(r, 1));
  return <p>långsam "text" & mer</p>;
};

async function both(user: SessionUser | null, title: string, body: () => unknown, lang: Language = "sv") {
  const app = new Hono<AppEnv>();
  app.get("*", (c) =>
    inLanguage(lang, async () => {
      c.set("deps", { config } as Deps);
      c.set("user", user);
      const kept = await pageHtml(c, { title }, body() as never);
      const whole = await (
        <Layout title={title} org={config.org} user={user} devTools={!config.production}>
          {body() as never}
        </Layout>
      ).toString();
      return c.json({ kept, whole });
    }),
  );
  return (await (await app.request("/")).json()) as { kept: string; whole: string };
}

describe("a page in the kept layout", () => {
  for (const [who, user] of [
    ["a visitor", visitor],
    ["an applicant", applicant],
    ["staff", staff],
  ] as const) {
    it(`is byte for byte the whole render, for ${who}`, async () => {
      for (const [title, body] of [
        ["Certifikat 10001", () => <h1>Certifikat</h1>],
        [`Åsa & "Örjan" <AB>`, () => <p title={`a"b`}>{"<script>x</script> & å"}</p>],
        ["Långsam", () => <Slow />],
        ["Tom", () => null],
      ] as const) {
        const { kept, whole } = await both(user, title, body);
        expect(kept).toBe(whole);
      }
    });
  }

  it("is byte for byte the whole render in each language, kept apart", async () => {
    for (const user of [visitor, applicant, staff]) {
      const sv = await both(user, "Sök", () => <p>x</p>, "sv");
      const en = await both(user, "Search", () => <p>x</p>, "en");
      const svAgain = await both(user, "Sök", () => <p>x</p>, "sv");
      expect(en.kept).toBe(en.whole);
      expect(sv.kept).toBe(sv.whole);
      expect(svAgain.kept).toBe(sv.kept);
      expect(en.kept).toContain('<html lang="en">');
      expect(sv.kept).toContain('<html lang="sv">');
    }
  });
});
