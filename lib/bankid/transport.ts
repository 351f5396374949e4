// The two ways a BankIdClient reaches an RP API: mutual TLS to BankID itself, or plain fetch
// to the simulator (over HTTP, or in-process through the Hono app's own fetch).
import https from "node:https";
import type { Transport } from "./types.ts";

// BankID rejects "application/json; charset=UTF-8" with 415, so the header is set by hand.
const JSON_HEADERS = { "Content-Type": "application/json" } as const;

// A completed order carries a signature and an OCSP response of some tens of kilobytes.
const MAX_RESPONSE_BYTES = 1_000_000;

export type HttpsTransportOptions = {
  /** e.g. https://appapi2.test.bankid.com or https://appapi2.bankid.com */
  baseUrl: string;
  /** The RP certificate and key from the bank, PEM. */
  cert: string | Buffer;
  key: string | Buffer;
  /** For an encrypted key. */
  passphrase?: string;
  /** BankID's server CA, PEM. It replaces the system roots, so only BankID's servers pass. */
  ca: string | Buffer;
  /** Per request, connect to last byte. BankID asks RPs to give up after some seconds. */
  timeoutMs?: number;
};

export function httpsTransport(options: HttpsTransportOptions): Transport {
  const base = new URL(options.baseUrl);
  const agent = new https.Agent({
    cert: options.cert,
    key: options.key,
    passphrase: options.passphrase,
    ca: options.ca,
    rejectUnauthorized: true,
    keepAlive: true,
    minVersion: "TLSv1.2",
  });
  const timeoutMs = options.timeoutMs ?? 10_000;

  return (path, body) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body), "utf8");
      const signal = AbortSignal.timeout(timeoutMs);
      const request = https.request(
        joinUrl(base, path),
        {
          method: "POST",
          agent,
          headers: { ...JSON_HEADERS, "Content-Length": payload.length, Accept: "application/json" },
          signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              request.destroy(new Error(`BankID response larger than ${MAX_RESPONSE_BYTES} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on("error", reject);
          response.on("end", () => {
            try {
              resolve({ status: response.statusCode ?? 0, json: parseJson(Buffer.concat(chunks).toString("utf8")) });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      request.on("error", (error) => {
        reject(signal.aborted ? new Error(`no answer within ${timeoutMs} ms`, { cause: error }) : error);
      });
      request.end(payload);
    });
}

/**
 * Anything that can answer like fetch: global fetch to reach the simulator over HTTP, or
 * `(input, init) => sim.app.request(input, init)` to reach it in-process without a socket.
 */
export type FetchLike = (input: string, init: RequestInit) => Response | Promise<Response>;

/** Posts JSON with a fetch function; baseUrl is where the simulator is mounted, e.g. http://localhost:3000/dev/bankid. */
export function fetchTransport(baseUrl: string, fetchFn: FetchLike = fetch): Transport {
  const base = new URL(baseUrl);
  return async (path, body) => {
    const response = await fetchFn(joinUrl(base, path).href, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
    return { status: response.status, json: parseJson(await response.text()) };
  };
}

function joinUrl(base: URL, path: string): URL {
  const url = new URL(base);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}${path}`;
  return url;
}

// Error answers from proxies may be HTML or empty; the client turns the non-JSON into an error.
function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return { unparsedBody: text.slice(0, 200) };
  }
}
