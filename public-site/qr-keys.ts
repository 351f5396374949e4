import type { Context } from "hono";
import type { PublishedKey } from "../lib/signing/keyring.ts";
import type { AppEnv } from "../web/env.ts";
import { assetHref } from "../web/static-assets.ts";
import type { QrKeys } from "./pages/verify.tsx";

// The keys as the browser checks a QR code's signature with them, made once per set of keys
// (the signer hands out the same array until the keys folder changes): /c/{number} is hot.
const made = new WeakMap<PublishedKey[], string>();

function keysJson(keys: PublishedKey[]): string {
  let json = made.get(keys);
  if (json === undefined) made.set(keys, (json = JSON.stringify(keys.map((k) => ({ kid: k.kid, x: k.jwk.x })))));
  return json;
}

/** What a page needs to check a signed QR code in the browser (public-site/pages/verify.tsx). */
export function qrKeys(c: Context<AppEnv>): QrKeys {
  const { config, signer } = c.get("deps");
  return { publicUrl: config.publicUrl, orgName: config.org.name, keysJson: keysJson(signer.keys()), script: assetHref("verify.js") };
}
