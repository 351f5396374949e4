import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, makePdf } from "../../lib/uploads/test-files.ts";
import { approveCompany, companyForm, personClient, postForm, registerCompanyAs } from "../../test/companies.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let staff: BrowserClient;
beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  staff = (await personClient(t, "greta@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] })).client;
});
afterAll(() => t.close());

describe("/personal and company registrations", () => {
  it("lists registrations waiting for review, oldest first, and counts them on the landing page", async () => {
    const a = await personClient(t, "kö-a@example.se", { givenName: "Anna", familyName: "Först" });
    const b = await personClient(t, "kö-b@example.se", { givenName: "Bo", familyName: "Sist" });
    const first = await registerCompanyAs(a.client, { namn: "Första Kyl AB" });
    t.clock!.advance(60_000);
    await registerCompanyAs(b.client, { namn: "Andra Kyl AB" });
    const landing = textOf(await (await staff.get("/personal")).text());
    expect(landing).toMatch(/Företagsregistreringar \d+ registreringar väntar på granskning/);
    const res = await staff.get("/personal/foretagsregistreringar");
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    for (const w of ["Företag", "Organisationsnummer", "Registrerad av", "Registrerad", "Registreringsbevis"]) expect(text).toContain(w);
    expect(text.indexOf("Första Kyl AB")).toBeLessThan(text.indexOf("Andra Kyl AB"));
    expect(text).toContain("Anna Först");
    expect(html).toContain(`href="/personal/foretag/${first.companyId}"`);
    expect(html).toContain(`href="/personal/foretag/${first.companyId}/registreringsbevis"`);
  });

  it("shows the company read-only with the registration, and approves it: the registrant is mailed and becomes admin", async () => {
    const reg = await personClient(t, "godkand@example.se", { givenName: "Gustav", familyName: "Godkänd" });
    const { companyId, orgnr } = await registerCompanyAs(reg.client, { namn: "Godkända Rör AB" });
    expect((await reg.client.get(`/min-sida/foretag/${companyId}`)).status).toBe(404);

    const page = await staff.get(`/personal/foretag/${companyId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    for (const w of ["Godkända Rör AB", orgnr, "Väntar på granskning", "Gustav Godkänd", "godkand@example.se", "Företagsuppgifter", "Anställningsförfrågningar", "Anställda", "Administratörer", "Certifikat", "Händelselogg", "Godkänn", "Godkänn inte", "Motivering"]) {
      expect(text).toContain(w);
    }
    expect(text).not.toContain("Ändra företagsuppgifter");
    expect(html).not.toContain("/bekrafta");

    const res = await staff.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/personal/foretag/${companyId}`);
    const mail = await t.mail.waitFor((m) => m.to.includes("godkand@example.se") && m.subject === "Godkända Rör AB är registrerat");
    expect(mail.text).toContain("certifikatsadministratör");
    const own = await reg.client.get(`/min-sida/foretag/${companyId}`);
    expect(own.status).toBe(200);
    const ownText = textOf(await own.text());
    expect(ownText).toContain("Gustav Godkänd");
    expect(ownText).toContain("Företagsregistrering godkänd");
    expect(textOf(await (await staff.get(`/personal/foretag/${companyId}`)).text())).toContain("Godkänt");
    expect(textOf(await (await staff.get("/personal/foretagsregistreringar")).text())).not.toContain("Godkända Rör AB");

    const again = await staff.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann-inte", motivering: "Fel" });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain("Registreringen är redan beslutad.");
  });

  it("needs a reason to refuse, and mails it", async () => {
    const reg = await personClient(t, "nekad@example.se");
    const { companyId } = await registerCompanyAs(reg.client, { namn: "Oklara Bolaget AB" });
    const noReason = await staff.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann-inte", motivering: "  " }, { htmx: true });
    expect(noReason.status).toBe(422);
    const fragment = await noReason.text();
    expect(fragment.startsWith('<div id="foretagssida">')).toBe(true);
    expect(fragment).toMatch(/<div class="field field--error">\s*<label for="f-motivering">/);
    expect(textOf(fragment)).toContain("Ange varför registreringen inte godkänns");

    const res = await staff.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann-inte", motivering: "Registreringsbeviset gäller ett annat företag." });
    expect(res.status).toBe(303);
    const mail = await t.mail.waitFor((m) => m.to.includes("nekad@example.se") && m.subject.startsWith("Registreringen av Oklara Bolaget AB godkändes inte"));
    expect(mail.text).toContain("Motivering: Registreringsbeviset gäller ett annat företag.");
    const tab = textOf(await (await reg.client.get("/min-sida/anstallningar")).text());
    expect(tab).toContain("Ej godkänt");
    expect(tab).toContain("Motivering: Registreringsbeviset gäller ett annat företag.");
  });

  it("does not let a staff member decide a registration they made themself", async () => {
    const { companyId } = await registerCompanyAs(staff, { namn: "Personalens Eget AB" });
    const res = await staff.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann" });
    expect(res.status).toBe(403);
    const text = textOf(await res.text());
    expect(text).toContain("Du kan inte granska en registrering som du själv har gjort.");
    expect(text).toContain("Personalens Eget AB");
  });

  it("searches companies by part of the name or by the whole organisationsnummer", async () => {
    const reg = await personClient(t, "sok@example.se");
    const { orgnr } = await registerCompanyAs(reg.client, { namn: "Sökbara Ventilation AB" });
    const byName = textOf(await (await staff.get(`/personal/foretag?q=${encodeURIComponent("sökbara vent")}`)).text());
    expect(byName).toContain("1 träff");
    expect(byName).toContain("Sökbara Ventilation AB");
    const byNumber = textOf(await (await staff.get(`/personal/foretag?q=${orgnr.replace("-", "")}`)).text());
    expect(byNumber).toContain("1 träff");
    expect(byNumber).toContain("Sökbara Ventilation AB");
    const none = textOf(await (await staff.get("/personal/foretag?q=finnsintealls")).text());
    expect(none).toContain("0 träffar");
    const all = textOf(await (await staff.get("/personal/foretag")).text());
    expect(all).toMatch(/\d+ träffar/);
    expect(all).toContain("Sök företag: namn eller organisationsnummer");
  });

  it("hands the registreringsbevis to staff only, as a download", async () => {
    const reg = await personClient(t, "bevis@example.se");
    const pdf = makePdf({ text: "Bevis 1" });
    const res0 = await postForm(reg.client, "/registrera-foretag", companyForm({ namn: "Bevisade AB" }, { bytes: pdf, name: "Registreringsbevis för åkeri.pdf", type: "application/pdf" }));
    const companyId = res0.headers.get("Location")!.split("/").at(-1)!;
    const url = `/personal/foretag/${companyId}/registreringsbevis`;

    const res = await staff.get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Registreringsbevis for akeri.pdf"; filename\*=UTF-8''Registreringsbevis%20f%C3%B6r%20%C3%A5keri.pdf$/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    // A PDF is never shown inline, whatever the query says.
    expect((await staff.get(`${url}?visa=1`)).headers.get("Content-Disposition")).toMatch(/^attachment/);

    expect((await reg.client.get(url)).status).toBe(403);
    expect((await browserClient(t.app).get(url)).status).toBe(303);
    await approveCompany(staff, companyId);
    expect((await reg.client.get(url)).status).toBe(403);
    expect((await reg.client.get(`/min-sida/foretag/${companyId}/registreringsbevis`)).status).toBe(404);
  });

  it("shows an image registreringsbevis in the page, served inline from its own route", async () => {
    const reg = await personClient(t, "bildbevis@example.se");
    const res0 = await postForm(reg.client, "/registrera-foretag", companyForm({ namn: "Bildbevis AB" }, { bytes: await makeImage("jpeg", 800, 600), name: "bevis.jpg", type: "image/jpeg" }));
    const companyId = res0.headers.get("Location")!.split("/").at(-1)!;
    const html = await (await staff.get(`/personal/foretag/${companyId}`)).text();
    expect(html).toContain(`<img src="/personal/foretag/${companyId}/registreringsbevis?visa=1" alt="Registreringsbeviset för Bildbevis AB"`);
    const img = await staff.get(`/personal/foretag/${companyId}/registreringsbevis?visa=1`);
    expect(img.status).toBe(200);
    expect(img.headers.get("Content-Type")).toBe("image/jpeg");
    expect(img.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect(img.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect((await staff.get(`/personal/foretag/${companyId}/registreringsbevis`)).headers.get("Content-Disposition")).toMatch(/^attachment;/);
  });

  it("is closed to applicants (403) and visitors (login) on every route", async () => {
    const reg = await personClient(t, "sokande@example.se");
    const { companyId } = await registerCompanyAs(reg.client, { namn: "Stängda Dörrar AB" });
    const visitor = browserClient(t.app);
    const gets = ["/personal", "/personal/foretagsregistreringar", "/personal/foretag", "/personal/foretag?q=kyl", `/personal/foretag/${companyId}`, `/personal/foretag/${companyId}/registreringsbevis`, `/personal/foretag/${companyId}/registreringsbevis?visa=1`];
    for (const path of gets) {
      expect((await reg.client.get(path)).status, path).toBe(403);
      const anon = await visitor.get(path);
      expect(anon.status, path).toBe(303);
      expect(anon.headers.get("Location"), path).toMatch(/^\/logga-in/);
    }
    const post = await reg.client.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann" });
    expect(post.status).toBe(403);
    expect((await visitor.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann" })).status).toBe(303);
    expect(textOf(await (await staff.get(`/personal/foretag/${companyId}`)).text())).toContain("Väntar på granskning");
  });
});
