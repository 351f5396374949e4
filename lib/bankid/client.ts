// A client for the BankID Relying Party API v6.0. It knows the four calls and their JSON;
// how the bytes travel (mutual TLS to BankID, or fetch to the simulator) is the transport's job.
import { z } from "zod";
import {
  BankIdError,
  type AuthInput,
  type BankIdClient,
  type CollectResult,
  type OrderStart,
  type SignInput,
  type Transport,
} from "./types.ts";

// The composition root picks client and transport together, so they come from one import.
export { fetchTransport, httpsTransport, type FetchLike, type HttpsTransportOptions } from "./transport.ts";

export const RP_API_PATH = "/rp/v6.0";

const orderStartSchema = z.object({
  orderRef: z.string().min(1),
  autoStartToken: z.string().min(1),
  qrStartToken: z.string().min(1),
  qrStartSecret: z.string().min(1),
});

const completionDataSchema = z.object({
  user: z.object({
    personalNumber: z.string(),
    name: z.string(),
    givenName: z.string(),
    surname: z.string(),
  }),
  device: z.object({ ipAddress: z.string(), uhi: z.string().optional() }),
  bankIdIssueDate: z.string(),
  stepUp: z.object({ mrtd: z.boolean() }).optional(),
  signature: z.string(),
  ocspResponse: z.string(),
  risk: z.enum(["low", "moderate", "high"]).optional(),
});

const collectSchema = z.discriminatedUnion("status", [
  z.object({ orderRef: z.string(), status: z.literal("pending"), hintCode: z.string() }),
  z.object({ orderRef: z.string(), status: z.literal("failed"), hintCode: z.string() }),
  z.object({ orderRef: z.string(), status: z.literal("complete"), completionData: completionDataSchema }),
]);

const errorSchema = z.object({ errorCode: z.string(), details: z.string().optional() });

export function createBankIdClient({ transport }: { transport: Transport }): BankIdClient {
  async function call<T>(name: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    let answer: { status: number; json: unknown };
    try {
      answer = await transport(`${RP_API_PATH}/${name}`, body);
    } catch (cause) {
      throw new BankIdError("requestFailed", errorMessage(cause), 0, { cause });
    }
    if (answer.status < 200 || answer.status > 299) throw errorFrom(answer);
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) {
      throw new BankIdError("invalidResponse", `unexpected /${name} response: ${parsed.error.message}`, answer.status);
    }
    return parsed.data;
  }

  return {
    auth: (input: AuthInput): Promise<OrderStart> => call("auth", input, orderStartSchema),
    sign: (input: SignInput): Promise<OrderStart> => call("sign", input, orderStartSchema),
    collect: (orderRef: string): Promise<CollectResult> => call("collect", { orderRef }, collectSchema),
    cancel: async (orderRef: string): Promise<void> => {
      await call("cancel", { orderRef }, z.unknown());
    },
  };
}

function errorFrom({ status, json }: { status: number; json: unknown }): BankIdError {
  const parsed = errorSchema.safeParse(json);
  if (parsed.success) return new BankIdError(parsed.data.errorCode, parsed.data.details ?? "", status);
  // A proxy or load balancer in front of BankID may answer without the usual body.
  return new BankIdError(status === 503 ? "maintenance" : "unknown", `HTTP ${status}`, status);
}

function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Base64 of the UTF-8 text, as userVisibleData and userNonVisibleData want it. */
export function encodeUserVisibleData(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

export const BANKID_APP_URL = "https://app.bankid.com/";

/**
 * The link that starts the BankID app on this device. The default is the universal link that
 * works on phones and desktops; pass "bankid:///" for the old custom scheme, or the
 * simulator's `appUrl` in development. Without a redirect we say `redirect=null`, which tells
 * the app not to switch back to a browser (v6 prefers `returnUrl` in the order for that).
 */
export function autoStartUrl(autoStartToken: string, redirect?: string, appUrl: string = BANKID_APP_URL): string {
  const query = `autostarttoken=${encodeURIComponent(autoStartToken)}&redirect=${redirect ? encodeURIComponent(redirect) : "null"}`;
  return `${appUrl}${appUrl.includes("?") ? "&" : "?"}${query}`;
}
