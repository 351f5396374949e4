// The ceiling of this machine for one particular answer: a bare Hono server that sends, for
// /r/<i>, the i-th answer recorded from the real server (status, headers and body, byte for
// byte), from memory. `node bench/replay-server.mjs PORT answers.json`
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const port = Number(process.argv[2]);
const answers = JSON.parse(readFileSync(process.argv[3], "utf8"));
const app = new Hono();
app.get("/r/:i", (c) => {
  const a = answers[Number(c.req.param("i"))];
  // A 304 has no body (a Response with one, even empty, throws and would answer 500).
  return new Response(a.status === 304 || a.status === 204 ? null : a.body, { status: a.status, headers: a.headers });
});
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => console.log(JSON.stringify({ ready: true, port })));
