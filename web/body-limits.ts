// Every request body is bounded before anything reads it: the session, the rate limits, the
// Origin check and the routes' own parsing all come after this (hono.config.ts). A form is a few
// kilobytes; only the routes that take a file may send megabytes.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../lib/uploads/accept-upload.ts";
import type { AppEnv } from "./env.ts";
import { t } from "../lib/i18n/index.ts";

/**
 * Any form, JSON or other body outside the upload routes. The longest field, a förbindelsetext of
 * 20 000 characters, fits even if every character is percent-encoded UTF-8 (6 bytes each).
 */
export const FORM_BODY_LIMIT = 128 * 1024;

/**
 * The upload routes refuse more than the file and 1 MB of form themselves, after the session is
 * read, with the form and a message at the file field. This cap, a little higher, holds whoever
 * reads the body, should a route forget its own.
 */
export const UPLOAD_BODY_LIMIT = DEFAULT_MAX_UPLOAD_BYTES + 2 * 1024 * 1024;

/** The routes that take a file (multipart/form-data). A new upload route is added here. */
const UPLOAD_ROUTES: RegExp[] = [
  // Ladda upp fil, on an application's moment.
  /^\/min-sida\/ansokningar\/[^/]+\/moment\/[^/]+$/,
  // Registrera företag, with the registreringsbevis.
  /^\/registrera-foretag$/,
  // A requirement's filmall, in the catalogue.
  /^\/personal\/katalog\/moment\/[^/]+\/filmall$/,
  // An exam session's protocol (PDF) and its results as CSV, by the examination centre.
  /^\/min-sida\/provtillfallen\/[^/]+\/(protokoll|resultat\/import)$/,
  // Överklaga beslutet and Lämna klagomål, with their files.
  /^\/min-sida\/overklaga\/(beslut|moment)\/[^/]+$/,
  /^\/lamna-klagomal$/,
];


function tooLarge(c: Context, detail: string): HTTPException {
  // The rest of the body is not worth reading: the connection closes after the answer.
  c.header("Connection", "close");
  return new HTTPException(413, { message: detail });
}

// A form is small enough to hold whole: refused by its Content-Length, or by counting as it arrives.
const forForms = bodyLimit({
  maxSize: FORM_BODY_LIMIT,
  onError: (c) => {
    throw tooLarge(c, t("body.formTooLarge"));
  },
});

/**
 * An upload is not held here (the route's own limit holds it once): the body is passed on through
 * a counter that fails the read past the cap. A route that answers without reading (a visitor
 * who is not logged in is sent to Logga in) reads nothing at all.
 */
const forUploads: MiddlewareHandler = async (c, next) => {
  const body = c.req.raw.body;
  if (!body) return next();
  const counted = capped(body, UPLOAD_BODY_LIMIT, () => tooLarge(c, t("body.uploadTooLarge")));
  c.req.raw = new Request(c.req.raw, { body: counted, duplex: "half" } as RequestInit);
  await next();
};

/**
 * The same bytes, read on demand; the read after the one that passes `max` fails. The chunk that
 * crosses is still handed on, so a reader with a lower limit of its own (the route's) sees it
 * and answers first, with its own message.
 */
function capped(source: ReadableStream<Uint8Array>, max: number, over: () => Error): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (size > max) {
          controller.error(over());
          await reader.cancel().catch(() => {});
          return;
        }
        const { done, value } = await reader.read();
        if (done) return controller.close();
        size += value.byteLength;
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** The body limit for this request's route. */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    // No route reads the body of a GET or HEAD, and unread bytes are never held: nothing to bound.
    // Asking for the body would also make the whole Request object, the dearest step of a GET.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const upload = c.req.method === "POST" && UPLOAD_ROUTES.some((route) => route.test(c.req.path));
    return (upload ? forUploads : forForms)(c, next);
  };
}
