// The OpenAPI document tells the truth: every documented path answers, with the documented
// status, content type, headers and a body that fits the documented schema exactly (no field
// more, none missing, each of its type).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates } from "../../db/schema/index.ts";
import { downloadCredential } from "../../modules/credentials/index.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../test/harness.ts";
import { buildVerificationWorld, type VerificationWorld } from "../../test/verification-world.ts";

type Schema = Record<string, unknown>;
let t: TestApp;
let w: VerificationWorld;
let doc: { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }> }>>; components: { schemas: Record<string, Schema> } };
let jwt: string;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
  doc = await (await t.app.request(`${TEST_ORIGIN}/api/v1/openapi.json`)).json();
  const cert = (await t.runtime.deps.db.select({ id: certificates.id }).from(certificates).where(eq(certificates.number, w.numbers.mac)).get())!;
  jwt = (await downloadCredential(t.runtime.deps, w.dag, cert.id)).jwt;
});
afterAll(() => t.close());

const JSON_TYPE: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  null: (v) => v === null,
  array: Array.isArray,
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

/** The part of JSON Schema 2020-12 the document uses; returns what does not fit, by path. */
function violations(schema: Schema, value: unknown, at = "$"): string[] {
  if (typeof schema.$ref === "string") return violations(doc.components.schemas[schema.$ref.split("/").pop()!]!, value, at);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).some((s) => violations(s, value, at).length === 0) ? [] : [`${at}: ${JSON.stringify(value)} matches none of anyOf`];
  const out: string[] = [];
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  if (types.length && !types.some((ty) => JSON_TYPE[ty]!(value))) return [`${at}: ${JSON.stringify(value)} is not ${types.join(" | ")}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if ("const" in schema && schema.const !== value) out.push(`${at}: not ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    if (schema.pattern && !new RegExp(schema.pattern as string).test(value)) out.push(`${at}: ${value} does not match ${schema.pattern}`);
    if (schema.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) out.push(`${at}: ${value} is not YYYY-MM-DD`);
    if (schema.format === "uri" && !URL.canParse(value)) out.push(`${at}: ${value} is not a URI`);
  }
  if (typeof value === "number" && typeof schema.minimum === "number" && value < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...violations(schema.items as Schema, v, `${at}[${i}]`)));
  if (JSON_TYPE.object!(value) && schema.properties) {
    const obj = value as Record<string, unknown>;
    const props = schema.properties as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in obj)) out.push(`${at}.${key}: missing`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) out.push(...violations(props[key]!, v, `${at}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${key}: not documented`);
    }
  }
  return out;
}

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 for this server, and documents the API's routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: `${TEST_ORIGIN}/api/v1` }]);
    expect(Object.keys(doc.paths).sort()).toEqual(["/certificates/{number}", "/companies", "/companies/{orgNumber}", "/issuer", "/openapi.json", "/status-lists/{list}/{purpose}", "/verify"]);
  });

  it("describes what every documented path answers, for every documented status we can provoke", async () => {
    // Requests that give each documented status of each path: a GET of the URL, or a POST of
    // [URL, content type, body].
    type Case = string | [string, string, string];
    const cases: Record<string, Record<string, Case[]>> = {
      "/certificates/{number}": {
        "200": [
          ...[w.numbers.external, w.numbers.mac, w.numbers.suspended, w.numbers.expired].map((n) => `/certificates/${n}`),
          // "Aktivt den": on a day it was valid, and before it was issued (status null).
          `/certificates/${w.numbers.mac}?on=2026-04-01`,
          `/certificates/${w.numbers.mac}?on=2020-01-01`,
        ],
        "400": ["/certificates/x1", `/certificates/${w.numbers.mac}?on=2026-02-30`],
        "404": ["/certificates/99999"],
      },
      "/companies": { "200": ["/companies", "/companies?q=kyl&area=fgas&includeWithoutActive=true&page=1&pageSize=5", "/companies?q=finnsinte"], "400": ["/companies?pageSize=0"] },
      "/companies/{orgNumber}": { "200": [`/companies/${w.company.orgNumber}`], "400": ["/companies/12"], "404": ["/companies/5569999999"] },
      "/openapi.json": { "200": ["/openapi.json"] },
      "/issuer": { "200": ["/issuer"] },
      "/status-lists/{list}/{purpose}": { "200": ["/status-lists/1/revocation", "/status-lists/1/suspension"], "404": ["/status-lists/2/revocation", "/status-lists/1/other"] },
      "/verify": {
        "200": [
          ["/verify", "application/json", JSON.stringify({ credential: jwt })],
          ["/verify", "text/plain", jwt],
          ["/verify", "application/vc+jwt", jwt],
          ["/verify", "application/json", JSON.stringify({ credential: jwt.replace(/.$/, (c) => (c === "A" ? "B" : "A")) })],
        ],
        "400": [["/verify", "text/plain", "hej"], ["/verify", "application/json", "{}"]],
        "413": [["/verify", "text/plain", "x".repeat(140_000)]],
        "415": [["/verify", "application/xml", "<a/>"]],
      },
    };
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const documented = (item.get ?? item.post)!.responses;
      for (const [status, requests] of Object.entries(cases[path]!)) {
        expect(Object.keys(documented), `${path} documents ${status}`).toContain(status);
        const [contentType, media] = Object.entries(documented[status]!.content!)[0]!;
        for (const request of requests) {
          const [url, init] = typeof request === "string" ? [request, {}] : [request[0], { method: "POST", headers: { "Content-Type": request[1] }, body: request[2] }];
          const res = await t.app.request(`${TEST_ORIGIN}/api/v1${url}`, init);
          expect(res.status, url).toBe(Number(status));
          expect(res.headers.get("Content-Type"), url).toContain(contentType);
          for (const header of Object.keys(documented[status]!.headers ?? {})) expect(res.headers.get(header), `${url} ${header}`).toBeTruthy();
          const body = contentType.includes("json") ? await res.json() : await res.text();
          expect(violations(media.schema, body), url).toEqual([]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(29);
  });

  it("would notice a field too many, one missing or one of the wrong type", () => {
    const cert = { $ref: "#/components/schemas/Certificate" };
    const good = { number: 1, holder: { name: "A" }, scheme: { area: "F", name: "S" }, status: "active", statusLabel: "Aktivt", issuedOn: "2026-01-01", validUntil: null, lastDecisionOn: "2026-01-01", issuer: { name: "X" }, verifyUrl: "http://x/c/1" };
    expect(violations(cert, good)).toEqual([]);
    expect(violations(cert, { ...good, personnummer: "x" })).toEqual(["$.personnummer: not documented"]);
    expect(violations(cert, { ...good, number: "1" })).toEqual(['$.number: "1" is not integer']);
    const { verifyUrl: _, ...missing } = good;
    expect(violations(cert, missing)).toEqual(["$.verifyUrl: missing"]);
    expect(violations(cert, { ...good, status: "valid" })).toEqual(['$.status: "valid" not in enum']);
  });
});
