import { afterEach, describe, expect, it, vi } from "vitest";
import { apiUrl, getJson } from "./api.ts";

let serial = 0;
const url = () => `https://cert.example/api/v1/certificates/${++serial}`;

function stubFetch(answer: (url: string, init: RequestInit) => Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal("fetch", (u: string, init: RequestInit) => {
    calls.push({ url: u, init });
    return answer(u, init);
  });
  return calls;
}

/** A fetch that waits until the test lets it answer, and rejects when aborted, like the real one. */
function pendingFetch() {
  let release!: (r: Response) => void;
  const calls = stubFetch(
    (_u, init) =>
      new Promise<Response>((resolve, reject) => {
        release = resolve;
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      }),
  );
  return { calls, answer: (r: Response) => release(r) };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("getJson", () => {
  it("asks without cookies and shares one request among the elements that want the same thing", async () => {
    const u = url();
    const calls = stubFetch(async () => json({ number: 1 }));
    const [a, b] = await Promise.all([getJson(u, new AbortController().signal), getJson(u, new AbortController().signal)]);
    expect(a).toEqual({ kind: "ok", data: { number: 1 } });
    expect(b).toEqual(a);
    // Kept for a while: a re-render asks nobody.
    expect(await getJson(u, new AbortController().signal)).toEqual(a);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init.credentials).toBe("omit");
    expect(calls[0]!.init.mode).toBe("cors");
  });

  it("reads 404 and 400 as not found, and keeps that answer too", async () => {
    const calls = stubFetch(async (u) => json({ title: "Certifikatet finns inte" }, u.endsWith("0") ? 400 : 404));
    const u = url();
    expect(await getJson(u, new AbortController().signal)).toEqual({ kind: "notfound" });
    expect(await getJson(u, new AbortController().signal)).toEqual({ kind: "notfound" });
    expect(calls).toHaveLength(1);
  });

  it("fails on a network error or a 5xx, and asks again at the retry", async () => {
    const u = url();
    let down = true;
    const calls = stubFetch(async () => {
      if (down) throw new TypeError("Failed to fetch");
      return json({ number: 2 });
    });
    await expect(getJson(u, new AbortController().signal)).rejects.toThrow("Failed to fetch");
    stubFetch(async () => json({}, 503));
    await expect(getJson(u, new AbortController().signal)).rejects.toThrow("HTTP 503");
    down = false;
    const again = stubFetch(async () => json({ number: 2 }));
    expect(await getJson(u, new AbortController().signal)).toEqual({ kind: "ok", data: { number: 2 } });
    expect(calls).toHaveLength(1);
    expect(again).toHaveLength(1);
  });

  it("stops the request when every element waiting for it has gone, and not before", async () => {
    const u = url();
    const { calls, answer } = pendingFetch();
    const first = new AbortController();
    const second = new AbortController();
    const a = getJson(u, first.signal);
    const b = getJson(u, second.signal);
    first.abort();
    await expect(a).rejects.toBeDefined();
    expect(calls[0]!.init.signal!.aborted).toBe(false);
    answer(json({ number: 3 }));
    expect(await b).toEqual({ kind: "ok", data: { number: 3 } });

    const v = url();
    const lone = new AbortController();
    const c = getJson(v, lone.signal);
    lone.abort();
    await expect(c).rejects.toBeDefined();
    expect(calls[1]!.init.signal!.aborted).toBe(true);
    // Nothing half-done was kept: the next element asks afresh.
    const d = getJson(v, new AbortController().signal);
    expect(calls).toHaveLength(3);
    answer(json({ number: 4 }));
    expect(await d).toEqual({ kind: "ok", data: { number: 4 } });
  });
});

describe("apiUrl", () => {
  it("keeps a base URL's own path and drops its trailing slashes", () => {
    expect(apiUrl("https://cert.example", "/api/v1/certificates/1")).toBe("https://cert.example/api/v1/certificates/1");
    expect(apiUrl("https://cert.example/portal//", "/api/v1/certificates/1")).toBe("https://cert.example/portal/api/v1/certificates/1");
  });
});
