// Closing an HTTP server without cutting anyone off: no new connections, requests in flight
// answered, then the connections closed. server.close() alone waits for keep-alive connections
// that may never send another request, so idle ones are closed as they become idle.
import type { Server } from "node:http";

/** Resolves "drained" when every request in flight was answered, "timeout" if graceMs ran out first (their connections are then cut). */
export async function closeGracefully(server: Server, graceMs: number): Promise<"drained" | "timeout"> {
  const closed = new Promise<"drained">((resolve) => server.close(() => resolve("drained")));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), graceMs);
  });
  try {
    const outcome = await Promise.race([closed, timeout]);
    if (outcome === "timeout") {
      server.closeAllConnections();
      await closed;
    }
    return outcome;
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
