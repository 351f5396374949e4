import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { bodyLimits, FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "./body-limits.ts";
import type { AppEnv } from "./env.ts";

/** A body sent in pieces, with no Content-Length: the limit has to count. */
function streamed(bytes: number, chunk = 256 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(120));
    },
  });
}

// A route that reads whatever it is sent, with no limit of its own.
const app = new Hono<AppEnv>();
app.onError((err, c) => (err instanceof HTTPException ? c.text(err.message, err.status) : c.text("500", 500)));
app.use("*", bodyLimits());
const read = async (c: import("hono").Context) => c.text(String((await c.req.arrayBuffer()).byteLength));
app.post("/logga-in", read);
app.post("/registrera-foretag", read);
app.post("/min-sida/ansokningar/:id/moment/:momentId", read);
app.post("/personal/katalog/moment/:id/filmall", read);

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("bodyLimits", () => {
  it("holds a form to 128 kB, declared or counted", async () => {
    expect(await (await post("/logga-in", "x".repeat(FORM_BODY_LIMIT))).text()).toBe(String(FORM_BODY_LIMIT));
    const counted = await post("/logga-in", streamed(FORM_BODY_LIMIT + 1));
    expect(counted.status).toBe(413);
    expect(await counted.text()).toContain("Formuläret är för stort");
    const declared = await post("/logga-in", "x", { "Content-Length": String(FORM_BODY_LIMIT + 1) });
    expect(declared.status).toBe(413);
    expect(declared.headers.get("Connection")).toBe("close");
  });

  it("lets the upload routes have megabytes, up to the upload cap, even with no limit of their own", async () => {
    for (const path of ["/registrera-foretag", "/min-sida/ansokningar/a/moment/b", "/personal/katalog/moment/a/filmall"]) {
      expect(await (await post(path, streamed(3 * 1024 * 1024))).text(), path).toBe(String(3 * 1024 * 1024));
      const over = await post(path, streamed(UPLOAD_BODY_LIMIT + 1));
      expect(over.status, path).toBe(413);
      expect(await over.text()).toContain("högst 20 MB");
    }
  });

  it("gives the upload limit to those routes only, and answers before any route is found", async () => {
    for (const path of ["/min-sida/ansokningar/a/moment/b/extra", "/min-sida/ansokningar/a", "/registrera-foretag/x", "/finns-inte"]) {
      expect((await post(path, streamed(3 * 1024 * 1024))).status, path).toBe(413);
    }
  });
});
