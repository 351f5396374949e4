import type { Deps } from "../modules/deps.ts";
import type { SessionUser } from "../modules/accounts/index.ts";

/** What every request handler can read from the context. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    user: SessionUser | null;
  };
}
