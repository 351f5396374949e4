import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";

export type { DestinationStream, Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The process's structured log: one JSON line per event on stdout (or on `destination`), with
 * an ISO time and the level as a word, so a person can search it with grep or a log tool.
 */
export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  // A test run prints nothing unless the test captures the lines by passing a destination.
  const underTest = !options.destination && (process.env.VITEST !== undefined || process.env.NODE_ENV === "test");
  const stdout = options.destination ? null : bufferedStdout();
  return pino(
    {
      level: underTest ? "silent" : options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorWithoutQueryValues },
      // A warning or an error is written at once, with whatever request lines wait before it.
      hooks: {
        logMethod(args, method, level) {
          method.apply(this, args);
          if (level >= 40) stdout?.flush();
        },
      },
    },
    options.destination ?? stdout!,
  );
}

/**
 * Standard output, written a few kilobytes at a time (or every second) rather than one system
 * call per request line: a cheap public read spent a tenth of its time in that call. Lines still
 * waiting are written when the process exits; a process killed outright (SIGKILL) loses at most
 * the last second of request lines, never a warning or an error.
 */
function bufferedStdout() {
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => dest.flush(), 1000).unref();
  return dest;
}

const WITHHELD = "params: [utelämnade]";

/**
 * An error with its stack, but without the values of a failed query: drizzle puts them in the
 * message ("params: …") and in `params`, and they are people's names, personnummer and e-mail.
 */
function errorWithoutQueryValues(err: Error): ReturnType<typeof stdSerializers.err> {
  const out = stdSerializers.err(err);
  if (typeof out !== "object" || out === null) return out;
  const withheld = new Set<string>();
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    const params = (e as { params?: unknown }).params;
    if (Array.isArray(params)) withheld.add(`params: ${params.join(",")}`);
  }
  if (!withheld.size) return out;
  const scrub = (text: string) => [...withheld].reduce((t, p) => t.split(p).join(WITHHELD), text);
  const scrubbed = { ...out, message: scrub(out.message), stack: scrub(out.stack) };
  delete (scrubbed as { params?: unknown }).params;
  return scrubbed;
}
