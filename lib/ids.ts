import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** Random, unguessable identifiers (120 bits) for rows and tokens. */
export function newId(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
