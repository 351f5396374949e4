import type { Context } from "hono";
import type { PublishedKey, Signer } from "../lib/signing/keyring.ts";
import type { AppEnv } from "../web/env.ts";
import { assetHref } from "../web/static-assets.ts";
import type { QrKeys } from "./pages/verify.tsx";

// The keys as the browser checks a QR code's signature with them, made once per set of keys
// (the signer hands out the same arrays until the keys folder changes, and a revocation always
// changes the published ones): /c/{number} is hot. A revoked key goes without its x, with its day.
const made = new WeakMap<PublishedKey[], string>();

function keysJson(signer: Signer): string {
  const keys = signer.keys();
  let json = made.get(keys);
  if (json === undefined) {
    const revoked = signer.revoked().map((k) => ({ kid: k.kid, revoked: k.revokedAt.slice(0, 10) }));
    made.set(keys, (json = JSON.stringify([...keys.map((k) => ({ kid: k.kid, x: k.jwk.x })), ...revoked])));
  }
  return json;
}

/** What a page needs to check a signed QR code in the browser (public-site/pages/verify.tsx). */
export function qrKeys(c: Context<AppEnv>): QrKeys {
  const { config, signer } = c.get("deps");
  return { publicUrl: config.publicUrl, orgName: config.org.name, keysJson: keysJson(signer), script: assetHref("verify.js") };
}
