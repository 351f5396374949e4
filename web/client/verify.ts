// /static/verify.js, on /c/{number}, /verifiera and the offline copy /verifiera/utan-natverk:
//
// - The signed QR code: the address's fragment carries the certificate's fields and an Ed25519
//   signature (lib/signing/qr-format.ts). Checked here with @noble/curves against the keys the
//   page carries, so it works without network too; the result fills the page's QR section.
// - Registers the service worker (/c/sw.js) that keeps the offline copy, so a phone that once
//   opened a certificate page can check a QR code later without network.
// - Verifiera: a credential file dropped on the form is chosen and sent.
import { ed25519 } from "@noble/curves/ed25519.js";
import { fromBase64Url, parseFragment, qrMessage, type SignedQr } from "../../lib/signing/qr-format.ts";

/** A published key, or a revoked one (keys:revoke): its kid and the day, without the key itself. */
type PageKey = { kid: string; x: string } | { kid: string; revoked: string };

/** What this script says, in the page's language: the page carries them (public-site/pages/verify.tsx). */
export interface QrTexts {
  /** "Certifikat {n}" */
  title: string;
  unreadable: string;
  ok: string;
  expired: string;
  unknownKey: string;
  revokedKey: string;
  bad: string;
  name: string;
  scheme: string;
  number: string;
  version: string;
  validUntil: string;
  untilFurtherNotice: string;
  signedBy: string;
}

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());

function verifySignature(qr: SignedQr, keys: PageKey[]): "ok" | "bad" | "unknown-key" | "revoked-key" {
  const key = keys.find((k) => k.kid.startsWith(qr.kidPrefix));
  if (key && "revoked" in key) return "revoked-key";
  const publicKey = key ? fromBase64Url(key.x) : null;
  if (!publicKey) return "unknown-key";
  try {
    return ed25519.verify(qr.signature, qrMessage(qr.address, qr.fields), publicKey) ? "ok" : "bad";
  } catch {
    return "bad";
  }
}

function row(list: HTMLElement, label: string, value: string): void {
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  dd.textContent = value;
  list.append(dt, dd);
}

function checkQrCode(section: HTMLElement): void {
  const texts = JSON.parse(section.dataset.texts ?? "{}") as QrTexts;
  const fragment = location.hash.slice(1);
  const path = /^\/c\/([1-9]\d{0,11})\/?$/.exec(location.pathname);
  const number = path ? Number(path[1]) : null;
  const title = document.querySelector<HTMLElement>("[data-offline-title]");
  if (title && number) title.textContent = texts.title.replace("{n}", String(number));
  if (!fragment || number === null) return;
  const verdict = section.querySelector<HTMLElement>("[data-verdict]")!;
  const fields = section.querySelector<HTMLElement>("[data-fields]")!;
  section.hidden = false;
  const qr = parseFragment(section.dataset.publicUrl ?? "", number, fragment);
  if (!qr) {
    verdict.textContent = texts.unreadable;
    section.dataset.result = "unreadable";
    return;
  }
  const keys = JSON.parse(section.dataset.keys ?? "[]") as PageKey[];
  const result = verifySignature(qr, keys);
  section.dataset.result = result;
  const org = section.dataset.org ?? "";
  if (result === "ok") {
    const expired = qr.fields.validUntil !== null && qr.fields.validUntil < today();
    verdict.textContent = texts.ok + (expired ? texts.expired : "");
    row(fields, texts.name, qr.fields.name);
    row(fields, texts.scheme, qr.fields.scheme);
    row(fields, texts.number, String(qr.fields.number));
    row(fields, texts.version, String(qr.fields.version));
    row(fields, texts.validUntil, qr.fields.validUntil ?? texts.untilFurtherNotice);
    row(fields, texts.signedBy, org);
  } else if (result === "unknown-key") {
    verdict.textContent = texts.unknownKey;
  } else if (result === "revoked-key") {
    verdict.textContent = texts.revokedKey;
  } else {
    verdict.textContent = texts.bad;
  }
}

function dropToChoose(zone: HTMLElement): void {
  const input = zone.querySelector<HTMLInputElement>("input[type=file]");
  if (!input) return;
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("drop-zone--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("drop-zone--over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("drop-zone--over");
    if (!e.dataTransfer?.files.length) return;
    input.files = e.dataTransfer.files;
    input.form?.requestSubmit();
  });
}

const section = document.querySelector<HTMLElement>("[data-qr-check]");
if (section) checkQrCode(section);
const zone = document.querySelector<HTMLElement>("[data-drop-zone]");
if (zone) dropToChoose(zone);
if ("serviceWorker" in navigator && (section || zone)) {
  navigator.serviceWorker.register("/c/sw.js", { scope: "/c/" }).catch(() => undefined);
}
