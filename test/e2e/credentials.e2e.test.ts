// Issue 12 in Chromium: the signed QR code is read back from the rendered PDF and from the
// certificate page with a QR reading library (jsQR), also at the size of a 25 mm print, and its
// signature is checked in the browser with the network cut off (the service worker's offline
// copy); Verifiera takes a credential file and a QR code's text and says each check in words.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import jsqr from "jsqr";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { certificates } from "../../db/schema/index.ts";
import { certificatePdf, getCertificate } from "../../modules/certificates/index.ts";
import { downloadCredential, revokeSigningKey } from "../../modules/credentials/index.ts";
import { signedQrText } from "../../lib/signing/qr-sign.ts";
import { browserSuite, logInAs, screenshot, visibleText } from "../browser.ts";
import { GOOD_PASSWORD } from "../fixtures.ts";
import { pdfFirstPagePng } from "../pdf.ts";
import { buildVerificationWorld, type VerificationWorld } from "../verification-world.ts";

const suite = browserSuite({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
let w: VerificationWorld;
const deps = () => suite.site.runtime.deps;

beforeAll(async () => {
  w = await buildVerificationWorld(deps());
});

const idOf = async (number: number) => (await deps().db.select({ id: certificates.id }).from(certificates).where(eq(certificates.number, number)).get())!.id;

// jsqr is CommonJS with an ES-style default: TypeScript sees the namespace, Node the function
// (which also carries itself as .default).
const jsQR = (jsqr as unknown as { default: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null }).default;

/** What a QR reader finds in a PNG (jsQR on the decoded pixels), or null. */
async function readQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

/** The PDF's QR code box is 104 pt: rendering at this dpi draws it as a 25 mm print scanned at `scanDpi`. */
const dpiFor25mm = (scanDpi: number) => Math.round((scanDpi * 25) / ((104 / 72) * 25.4));

describe("the signed QR code", () => {
  it("is read from the certificate PDF by a QR reading library, at 25 mm too, and verifies", async () => {
    const { bytes } = await certificatePdf(deps(), w.dag, await idOf(w.numbers.suspended));
    const base = suite.site.baseUrl;
    const full = await readQr(await pdfFirstPagePng(bytes, path.join("test-results", "pdf", "certificate-signed-qr.png"), 150));
    expect(full).toMatch(new RegExp(`^${base.replaceAll(".", "\\.")}/c/${w.numbers.suspended}#s1,[\\w-]{8},1,\\d{8},Anna\\+%C3%85kesson,Personcertifikat\\+kategori\\+I,[\\w-]{86}$`));
    const qr = (await import("qrcode")).default.create(full!, { errorCorrectionLevel: "M" });
    console.log(`signed QR: ${full!.length} characters, version ${qr.version} (${qr.modules.size} modules); at 25 mm a module is ${(25 / (qr.modules.size + 8)).toFixed(2)} mm`);
    // A 25 mm print scanned at 300 and at 200 dpi (about 4.5 and 3 pixels a module).
    for (const scan of [300, 200]) {
      const png = await pdfFirstPagePng(bytes, path.join("test-results", "pdf", `certificate-qr-25mm-${scan}dpi.png`), dpiFor25mm(scan));
      expect(await readQr(png), `25 mm at ${scan} dpi`).toBe(full);
    }
    const res = await fetch(`${base}/api/v1/verify`, { method: "POST", body: JSON.stringify({ qr: full }), headers: { "Content-Type": "application/json" } });
    const v = await res.json();
    // Anna's certificate is Vilande: the signature and the dates hold, the register says no.
    expect(v.checks.map((c: { label: string; ok: boolean }) => [c.label, c.ok])).toEqual([
      ["Underskrift", true],
      ["Utfärdare", true],
      ["Giltighet", true],
      ["Status", false],
    ]);
    expect(v.presented).toMatchObject({ holderName: "Anna Åkesson", number: String(w.numbers.suspended), version: 1, scheme: "Personcertifikat kategori I" });
  });

  it("is on the holder's certificate page, next to Ladda ned digitalt certifikat, and checks in the browser without network", async () => {
    const session = await suite.open();
    const { page, context } = session;
    await logInAs(suite.site, page, w.sven.email, GOOD_PASSWORD);
    await page.goto(`/min-sida/certifikat/${await idOf(w.numbers.external)}`);
    await expect.poll(() => page.getByRole("link", { name: "Ladda ned digitalt certifikat" }).count()).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: "Ladda ned certifikat", exact: true }).count()).toBe(1);
    await screenshot(page, "credentials-01-certifikatsida");
    const qrText = await readQr(await page.locator(".certificate-qr .qr").screenshot());
    expect(qrText).toMatch(new RegExp(`/c/${w.numbers.external}#s1,`));

    // The download is the credential file.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ned digitalt certifikat" }).click()]);
    expect(download.suggestedFilename()).toBe(`certifikat-${w.numbers.external}-version-1.jwt`);

    // A visitor opens the certificate's page once (the service worker keeps its offline copy) ...
    const visitor = await suite.open();
    const vp = visitor.page;
    await vp.goto(`/c/${w.numbers.external}`);
    await vp.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => vp.evaluate(() => caches.keys().then((k) => k.length))).toBe(1);
    // ... with the network it shows the register and the QR code's signature together.
    await vp.goto("about:blank");
    await vp.goto(qrText!);
    await expect.poll(() => vp.locator("[data-qr-check]").getAttribute("data-result")).toBe("ok");
    expect(await visibleText(vp)).toContain("Aktivt");
    await screenshot(vp, "credentials-02-c-med-underskrift");

    // Now the network is cut, and the QR code of another certificate is scanned (a page this
    // browser never fetched, so no HTTP cache has it): the register cannot be reached, the
    // service worker's copy checks the signature.
    const { bytes } = await certificatePdf(deps(), w.dag, await idOf(w.numbers.mac));
    const otherQr = (await readQr(await pdfFirstPagePng(bytes, path.join("test-results", "pdf", "certificate-mac.png"), 150)))!;
    await visitor.context.setOffline(true);
    expect(await vp.evaluate(() => fetch("/healthz").then(() => "reached", () => "unreachable"))).toBe("unreachable");
    await vp.goto("about:blank");
    await vp.goto(otherQr);
    const section = vp.locator("[data-qr-check]");
    await expect.poll(() => section.getAttribute("data-result")).toBe("ok");
    const text = await visibleText(vp);
    expect(text).toContain(`Certifikat ${w.numbers.mac}`);
    expect(text).toContain("Registret kan inte nås just nu");
    expect(text).toContain("Underskriften stämmer");
    expect(await section.innerText()).toMatch(/Namn\s+Sven Svensson[\s\S]*Certifikat\s+Utbildningsintyg Mobil AC[\s\S]*Version\s+1[\s\S]*Giltigt till\s+Tills vidare[\s\S]*Signerat av\s+Testcert AB/);
    await screenshot(vp, "credentials-03-utan-natverk");

    // A changed name in the QR code does not pass, offline either.
    await vp.goto("about:blank");
    await vp.goto(otherQr.replace("Sven+Svensson", "Eve+Svensson"));
    await expect.poll(() => section.getAttribute("data-result")).toBe("bad");
    expect(await section.innerText()).toContain("Underskriften stämmer inte");
    await screenshot(vp, "credentials-04-utan-natverk-andrad");
    await visitor.context.setOffline(false);
    expect(context).toBeTruthy();
    expect(suite.problems().filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
  });
});

describe("Verifiera certifikat", () => {
  it("checks a credential file (chosen or dropped) and a QR code's text, each check in words", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "certportal-vc-"));
    try {
      const { jwt, filename } = await downloadCredential(deps(), w.dag, await idOf(w.numbers.mac));
      const file = path.join(dir, filename);
      await writeFile(file, jwt);
      const session = await suite.open();
      const { page } = session;
      await page.goto("/verifiera");
      await page.getByLabel("Digitalt certifikat (fil)").setInputFiles(file);
      await page.getByRole("button", { name: "Verifiera" }).click();
      await page.waitForURL("**/verifiera");
      await expect.poll(() => page.getByRole("heading", { level: 2 }).first().innerText()).toBe("Det digitala certifikatet är äkta och gäller");
      expect(await page.locator(".checks .check__label").allInnerTexts()).toEqual(["Underskrift", "Utfärdare", "Giltighet", "Status"]);
      expect(await page.locator(".checks .check--ok").count()).toBe(4);
      expect(await visibleText(page)).toContain("Sven Svensson");
      await screenshot(page, "credentials-05-verifiera-fil");

      // A tampered file, dropped on the form.
      const [h, p, s] = jwt.split(".") as [string, string, string];
      const vc = JSON.parse(Buffer.from(p, "base64url").toString());
      vc.credentialSubject.name = "Eve Svensson";
      const tampered = `${h}.${Buffer.from(JSON.stringify(vc)).toString("base64url")}.${s}`;
      await page.goto("/verifiera");
      await page.evaluate((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], "certifikat.jwt", { type: "application/vc+jwt" }));
        document.querySelector("[data-drop-zone]")!.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, tampered);
      await expect.poll(() => page.locator(".verify-result").getAttribute("data-verified")).toBe("false");
      expect(await page.locator('[data-check="signature"]').innerText()).toContain("Underskriften stämmer inte");
      expect(await page.locator('[data-check="issuer"]').innerText()).toContain("Testcert AB");
      await screenshot(page, "credentials-06-verifiera-andrad");

      // A QR code's text, pasted; and something else, refused in words with 422.
      const { bytes } = await certificatePdf(deps(), w.dag, await idOf(w.numbers.mac));
      const qr = await readQr(await pdfFirstPagePng(bytes, path.join("test-results", "pdf", "certificate-mac.png"), 150));
      await page.goto("/verifiera");
      await page.getByLabel("Eller klistra in certifikatet eller QR-kodens text").fill(qr!);
      await page.getByRole("button", { name: "Verifiera" }).click();
      await expect.poll(() => page.locator(".verify-result").getAttribute("data-verified")).toBe("true");
      expect(await page.getByRole("heading", { level: 2 }).first().innerText()).toBe("QR-koden är äkta och certifikatet gäller");
      await screenshot(page, "credentials-07-verifiera-qr");
      await page.getByLabel("Eller klistra in certifikatet eller QR-kodens text").fill("hej");
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/verifiera") && r.request().method() === "POST"), page.getByRole("button", { name: "Verifiera" }).click()]);
      expect(answer.status()).toBe(422);
      expect(await visibleText(page)).toContain("Det här är varken ett digitalt certifikat");
      expect(session.problems).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("works without JavaScript", async () => {
    const { page } = await suite.open({ javaScriptEnabled: false });
    const { jwt } = await downloadCredential(deps(), w.dag, await idOf(w.numbers.suspended));
    await page.goto("/verifiera");
    await page.getByLabel("Eller klistra in certifikatet eller QR-kodens text").fill(jwt);
    await page.getByRole("button", { name: "Verifiera" }).click();
    await page.waitForURL("**/verifiera");
    expect(await page.locator('[data-check="status"]').innerText()).toContain("Vilande");
    expect(await page.locator(".verify-result").getAttribute("data-verified")).toBe("false");
  });
});

describe("a QR code signed with a revoked key", () => {
  it("says in the browser that the key is revoked, not that the details hold", async () => {
    const cert = await getCertificate(deps().db, w.dag, await idOf(w.numbers.external));
    const qrText = signedQrText(deps().signer, suite.site.baseUrl, { number: w.numbers.external, version: cert.certificate.version, name: cert.holderName, scheme: cert.scheme.name, validUntil: cert.certificate.validUntil });
    await revokeSigningKey(deps(), path.join(suite.site.dataDir, "keys"), deps().signer.current().kid, "Nyckelfilen kan ha kopierats", deps().clock.now());
    const { page } = await suite.open();
    await page.goto(qrText);
    const section = page.locator("[data-qr-check]");
    await expect.poll(() => section.getAttribute("data-result")).toBe("revoked-key");
    expect(await section.innerText()).toContain("✗ QR-koden är signerad med en nyckel som Testcert AB har spärrat. Lita inte på uppgifterna i den: kontrollera certifikatet i registret.");
    // The register still answers for the certificate itself.
    expect(await visibleText(page)).toContain("Aktivt");
    await screenshot(page, "credentials-05-sparrad-nyckel");
  });
});
