import { qrMessage, qrText, type QrFields } from "./qr-format.ts";
import type { Signer } from "./keyring.ts";

/** $PUBLIC_URL/c/{number}: the public page, what every QR code on a certificate leads to (DESIGN.md §3). */
export function certificateAddress(publicUrl: string, number: number): string {
  return `${publicUrl.replace(/\/+$/, "")}/c/${number}`;
}

/** The QR code's text: the certificate's address with the signed fields in its fragment (lib/signing/qr-format.ts). */
export function signedQrText(signer: Signer, publicUrl: string, fields: QrFields): string {
  const address = certificateAddress(publicUrl, fields.number);
  const { key, signature } = signer.signBytes(qrMessage(address, fields));
  return qrText(address, key.kid, fields, signature);
}
