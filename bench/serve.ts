// The server side of the benchmark, in its own process so the load generator does not share its
// event loop: a temporary database with the large data set, the real app, and next to it a bare
// Hono route (the ceiling on this machine). Prints one JSON line when it listens.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildRuntime, createApp } from "../hono.config.ts";
import { readConfig } from "../lib/config.ts";
import { swedishDate } from "../lib/dates.ts";
import { buildDataset } from "./dataset.ts";

const dataDir = await mkdtemp(path.join(tmpdir(), "certportal-bench-"));
const port = Number(process.env.BENCH_PORT ?? 3999);
// No rate limit: the read path itself is measured (the per-process limiter is a Map lookup).
// Development mode only spares the benchmark BankID certificates; the measured routes are the same.
const config = readConfig({ ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, PUBLIC_RATE_LIMIT: "0" });
const runtime = await buildRuntime(config);
const started = performance.now();
const data = await buildDataset(runtime.deps.db, swedishDate(new Date()));
const buildSeconds = (performance.now() - started) / 1000;

const outer = new Hono();
outer.get("/__bare", (c) => c.text("ok"));
outer.get("/__memory", (c) => c.json(process.memoryUsage()));
outer.route("/", createApp(runtime));
serve({ fetch: outer.fetch, port, hostname: "127.0.0.1" }, () => {
  console.log(JSON.stringify({ ready: true, port, dataDir, buildSeconds, numbers: data.numbers, orgNumbers: data.orgNumbers.slice(0, 2000) }));
});
