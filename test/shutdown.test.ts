// The real server, as a supervisor runs it: SIGTERM lets a request in flight finish, refuses new
// connections, and the process exits 0; a request that outlives SHUTDOWN_GRACE_MS is cut off.
// Also the body limit on a real socket, where the rest of a refused body is never read.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const started: { child: ChildProcess; dataDir: string }[] = [];
afterEach(async () => {
  for (const { child, dataDir } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startServer(env: Record<string, string> = {}): Promise<Running> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "certportal-shutdown-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", DATA_DIR: dataDir, PORT: String(port), SMTP_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push({ child, dataDir });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    if (i > 300) throw new Error(`the server did not become ready: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, output: () => output, exited };
}

/** A POST whose body arrives in two parts; the request is in flight between them. */
function slowPost(port: number, pathname: string, body: string) {
  const req = http.request({
    host: "127.0.0.1",
    port,
    path: pathname,
    method: "POST",
    agent: false,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: `http://localhost:${port}` },
  });
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { answered, finish: () => req.end(body.slice(half)) };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("graceful shutdown", () => {
  it("on SIGTERM finishes the request in flight, takes no new ones, and exits 0", async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: "10000" });
    const inFlight = slowPost(server.port, "/glomt-losenord", `epost=${encodeURIComponent("ingen@example.se")}&${"x=1&".repeat(200)}`);
    await wait(300);
    server.child.kill("SIGTERM");
    await wait(500);
    // Closed for new connections, while the old one still waits for the rest of its body.
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();
    // Longer than the hard five seconds the server used to allow, well within the grace period.
    await wait(5000);
    expect(server.child.exitCode).toBeNull();
    inFlight.finish();
    const answer = await inFlight.answered;
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).toContain("Glömt lösenord");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("SIGTERM");
    expect(server.output()).toContain("certportal har stängts.");
  }, 60_000);

  it("cuts off a request still in flight after SHUTDOWN_GRACE_MS, and still exits 0", async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: "300" });
    const stalled = slowPost(server.port, "/glomt-losenord", "epost=ingen%40example.se");
    await wait(300);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await expect(stalled.answered).rejects.toThrow();
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(8000);
    expect(server.output()).toContain("efter 300 ms");
  }, 60_000);
});

describe("the body limit on a real socket", () => {
  it("answers a 1 MiB form with 413 at once and closes the connection", async () => {
    const server = await startServer();
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/logga-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://localhost:${server.port}` },
      body: `losenord=${"x".repeat(1024 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("Connection")).toBe("close");
    expect(await res.text()).toContain("Formuläret är för stort");
    expect(Date.now() - started).toBeLessThan(2000);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 60_000);
});
