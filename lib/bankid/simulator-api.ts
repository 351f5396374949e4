// The simulator's RP API: /auth, /sign, /collect and /cancel with BankID's JSON, status codes
// and `{ errorCode, details }` errors, so the real client can be pointed at it unchanged.
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { OrderBook, OrderKind } from "./simulator-orders.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function base64Utf8(maxLength: number) {
  return z
    .base64()
    .min(1)
    .max(maxLength)
    .refine((value) => {
      try {
        utf8.decode(Buffer.from(value, "base64"));
        return true;
      } catch {
        return false;
      }
    }, "must be base64 of UTF-8 text");
}

const requirementSchema = z.object({
  personalNumber: z.string().regex(/^\d{12}$/, "must be 12 digits").optional(),
  pinCode: z.boolean().optional(),
  mrtd: z.boolean().optional(),
  cardReader: z.enum(["class1", "class2"]).optional(),
  certificatePolicies: z.array(z.string()).optional(),
});

const authSchema = z.object({
  endUserIp: z.union([z.ipv4(), z.ipv6()]),
  requirement: requirementSchema.optional(),
  userVisibleData: base64Utf8(40_000).optional(),
  userVisibleDataFormat: z.literal("simpleMarkdownV1").optional(),
  userNonVisibleData: z.base64().min(1).max(200_000).optional(),
  returnUrl: z.url({ protocol: /^https?$/ }).optional(),
  returnRisk: z.boolean().optional(),
});

const signSchema = authSchema.extend({ userVisibleData: base64Utf8(40_000) });

const orderRefSchema = z.object({ orderRef: z.string().min(1) });

const KNOWN_CALLS = new Set(["auth", "sign", "collect", "cancel"]);

function apiError(c: Context, status: ContentfulStatusCode, errorCode: string, details: string) {
  return c.json({ errorCode, details }, status);
}

type Read<T> = { ok: true; value: T } | { ok: false; response: Response };

async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<Read<T>> {
  // BankID wants exactly application/json; it answers 415 even to "; charset=UTF-8".
  const type = (c.req.header("content-type") ?? "").trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, response: apiError(c, 415, "unsupportedMediaType", "Content-Type must be application/json") };
  }
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: apiError(c, 400, "invalidParameters", "Invalid JSON in request body") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "request body";
    return { ok: false, response: apiError(c, 400, "invalidParameters", `Invalid ${field}: ${issue?.message ?? "invalid"}`) };
  }
  return { ok: true, value: parsed.data };
}

export function rpApiRoutes(book: OrderBook): Hono {
  const api = new Hono();

  const start = (kind: OrderKind) => async (c: Context) => {
    const schema: z.ZodType<z.infer<typeof authSchema>> = kind === "sign" ? signSchema : authSchema;
    const body = await readBody(c, schema);
    if (!body.ok) return body.response;
    const { requirement, ...rest } = body.value;
    const result = book.start({ ...rest, kind, requirement: requirement ?? {} });
    if (!result.ok) return apiError(c, 400, result.errorCode, result.details);
    const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = result.order;
    return c.json({ orderRef, autoStartToken, qrStartToken, qrStartSecret });
  };

  api.post("/auth", start("auth"));
  api.post("/sign", start("sign"));

  api.post("/collect", async (c) => {
    const body = await readBody(c, orderRefSchema);
    if (!body.ok) return body.response;
    const result = book.collect(body.value.orderRef);
    return result ? c.json(result) : apiError(c, 400, "invalidParameters", "No such order");
  });

  api.post("/cancel", async (c) => {
    const body = await readBody(c, orderRefSchema);
    if (!body.ok) return body.response;
    return book.cancel(body.value.orderRef) ? c.json({}) : apiError(c, 400, "invalidParameters", "No such order");
  });

  api.all("/:call", (c) =>
    KNOWN_CALLS.has(c.req.param("call"))
      ? apiError(c, 405, "methodNotAllowed", "Only POST is allowed")
      : apiError(c, 404, "notFound", "No such endpoint"),
  );
  api.all("*", (c) => apiError(c, 404, "notFound", "No such endpoint"));
  api.onError((error, c) => apiError(c, 500, "internalError", error.message));

  return api;
}
