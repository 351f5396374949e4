import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { bankIdRoutes } from "./bankid.tsx";
import { loginRoutes } from "./login.tsx";
import { passwordRoutes } from "./password.tsx";
import { registerRoutes } from "./register.tsx";

/** Registration, login (password + code, BankID), password reset and logout. */
export function accountRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route("/", registerRoutes());
  app.route("/", loginRoutes());
  app.route("/", bankIdRoutes());
  app.route("/", passwordRoutes());
  return app;
}
