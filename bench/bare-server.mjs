// The ceiling of this machine for the benchmark: a bare Hono "hello" server on @hono/node-server,
// plain JavaScript in a process of its own, so that what it measures is Node's HTTP, Hono and the
// loopback, nothing of ours. `node bench/bare-server.mjs PORT`
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const port = Number(process.argv[2] ?? 3998);
const app = new Hono();
app.get("/", (c) => c.text("hello"));
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => console.log(JSON.stringify({ ready: true, port })));
