import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { DomainError, Invalid, TooManyRequests } from "../lib/errors.ts";
import { STORAGE_FAULT_MESSAGES, storageFault } from "../lib/storage-faults.ts";
import type { AppEnv } from "./env.ts";
import { requestLogger } from "./request-log.ts";
import { isHtmx } from "./htmx.ts";
import { page } from "./render.tsx";
import { t, labels } from "../lib/i18n/index.ts";

// The API's problem+json is said in Swedish whatever is asked (a contract): it runs in no language.
const TITLES: Record<number, string> = labels({
  400: "error.title.400",
  403: "error.title.403",
  404: "error.title.404",
  409: "error.title.409",
  413: "error.title.413",
  422: "error.title.422",
  429: "error.title.429",
  500: "error.title.500",
  503: "error.title.503",
});

/** On a fault of ours (5xx) the request's id, for a person to quote and staff to find in the log. */
function faultId(c: Context<AppEnv>, status: number): string | undefined {
  return status >= 500 ? c.get("requestId") : undefined;
}

function problem(c: Context<AppEnv>, status: number, detail: string) {
  const requestId = faultId(c, status);
  return c.body(JSON.stringify({ type: "about:blank", title: TITLES[status] ?? t("error.title.other"), status, detail, ...(requestId ? { requestId } : {}) }), status as 400, {
    "Content-Type": "application/problem+json; charset=utf-8",
  });
}

function errorPage(c: Context<AppEnv>, status: number, detail: string) {
  const title = TITLES[status] ?? t("error.title.other");
  if (c.req.path.startsWith("/api/")) return problem(c, status, detail);
  const requestId = faultId(c, status);
  const quote = requestId ? <p>{t("error.quote", requestId)}</p> : null;
  if (isHtmx(c)) {
    return c.html(
      <div class="notice notice--error" role="alert">
        <p>
          <strong>{title}.</strong> {detail}
        </p>
        {quote}
      </div>,
      status as 400,
    );
  }
  return page(
    c,
    { title, status: status as 400 },
    <section class="narrow">
      <h1>{title}</h1>
      <p>{detail}</p>
      {quote}
      <p>
        <a href="/">{t("error.toStart")}</a>
      </p>
    </section>,
  );
}

/** The one place where errors become responses: a page, an htmx fragment or problem+json. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof TooManyRequests) {
    c.header("Retry-After", String(err.retryAfterSeconds));
    return errorPage(c, 429, `${err.message} ${t("error.retryIn", err.retryAfterSeconds)}`);
  }
  if (err instanceof Invalid) return errorPage(c, 422, Object.values(err.fields).join(" ") || err.message);
  if (err instanceof DomainError) return errorPage(c, err.status, err.message);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 403) return errorPage(c, 403, t("error.otherSite"));
    if (status === 413) return errorPage(c, 413, err.message || t("error.tooLarge"));
    return errorPage(c, status, err.message || TITLES[status] || t("error.title.other"));
  }
  const fault = storageFault(err);
  if (fault) {
    // One line an operator can act on: what the machine said, and where (the stack in `err`).
    requestLogger(c).error({ err, storage: fault.kind, code: fault.code }, `Lagringen: ${fault.kind === "full" ? "fullt" : "skrivskyddad"} (${fault.code}) vid ${c.req.method} ${c.req.path}: ${(err as Error).message?.split("\n")[0] ?? ""}`);
    c.header("Retry-After", "300");
    return errorPage(c, 503, STORAGE_FAULT_MESSAGES[fault.kind]);
  }
  requestLogger(c).error({ err }, `Oväntat fel vid ${c.req.method} ${c.req.path}`);
  return errorPage(c, 500, t("error.unexpected"));
};

export const notFound: NotFoundHandler<AppEnv> = (c) => errorPage(c, 404, t("error.noSuchPage"));
