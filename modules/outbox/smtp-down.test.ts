// SMTP down during "Bevilja och utfärda": the real SMTP server (smtp-server on loopback) is
// stopped before the grant and started again on the same port afterwards.
import { createServer, type Server } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificates, invoices, mailOutbox } from "../../db/schema/index.ts";
import { smtpMailer } from "../../lib/mail/mailer.ts";
import { applicationInFinalReview } from "../../test/applications.ts";
import { personClient } from "../../test/companies.ts";
import { startTestApp, textOf, type TestApp } from "../../test/harness.ts";
import { startMailSink, type MailSink } from "../../test/mail-sink.ts";

let t: TestApp;
let restarted: MailSink | null = null;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
});
afterAll(async () => {
  await restarted?.close();
  await t.close();
});

describe("SMTP down during issuance", () => {
  it("issues the certificate, shows the decider success, and delivers the mail and the invoice once SMTP is back", async () => {
    const deps = t.runtime.deps;
    const reviewer = await personClient(t, "greta@certorg.example", { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
    const decider = await personClient(t, "bo@certorg.example", { givenName: "Bo", familyName: "Beslutsfattare", roles: ["decider"] });
    const applicant = await personClient(t, "sven@example.se", { givenName: "Sven", familyName: "Svensson" });
    const id = await applicationInFinalReview(deps, {
      schemeCode: "fgas-utbildningsintyg-mac",
      personId: applicant.personId,
      byUserId: applicant.userId,
      reviewerUserId: reviewer.userId,
      recipient: { name: "Sven Svensson", email: "faktura@example.se" },
    });

    const port = Number(new URL(t.mail.url).port);
    await t.mail.close();

    const grant = await decider.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    expect(grant.status).toBe(303);
    expect(grant.headers.get("Location")).toBe(`/personal/ansokningar/${id}?klart=beviljad`);
    const page = textOf(await (await decider.client.get(grant.headers.get("Location")!)).text());
    expect(page).toContain("Certifikat");
    expect(page).not.toMatch(/Något gick fel/);

    const cert = await deps.db.select().from(certificates).where(eq(certificates.applicationId, id)).get();
    expect(cert?.status).toBe("active");
    const invoice = await deps.db.select().from(invoices).where(eq(invoices.applicationId, id)).get();
    expect(invoice).toBeDefined();

    // The mail waits in the utkorg with the reason it could not go.
    const waiting = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending"));
    const issued = waiting.find((m) => m.to === "sven@example.se" && /är utfärdat/.test(m.subject));
    expect(issued, JSON.stringify(waiting.map((m) => m.subject))).toBeDefined();
    expect(waiting.some((m) => m.attempts > 0 && m.lastError)).toBe(true);

    // SMTP comes back on the same address; the next round after the backoff delivers everything.
    restarted = await startMailSink({ port });
    t.clock!.advance(10 * 60_000);
    await deps.mailQueue.drain();
    const mail = await restarted.waitFor((m) => m.to.includes("sven@example.se") && /är utfärdat/.test(m.subject));
    expect(mail.text).toContain(cert!.number);
    const invoiceMail = await restarted.waitFor((m) => m.to.includes("faktura@example.se") && /^Faktura /.test(m.subject));
    expect(invoiceMail.attachments.some((a) => a.contentType === "application/pdf" && a.content.subarray(0, 5).toString() === "%PDF-")).toBe(true);

    // Each exactly once, and nothing left pending.
    await deps.mailQueue.drain();
    expect(restarted.messages.filter((m) => /är utfärdat/.test(m.subject))).toHaveLength(1);
    expect(restarted.messages.filter((m) => /^Faktura /.test(m.subject))).toHaveLength(1);
    const left = await deps.db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending"));
    expect(left).toHaveLength(0);
  });
});

describe("a hanging SMTP server", () => {
  let hanging: Server;
  afterAll(() => new Promise<void>((resolve) => hanging.close(() => resolve())));

  it("gives up after the greeting timeout instead of waiting for minutes", async () => {
    // Accepts the connection and never says a word.
    const sockets: import("node:net").Socket[] = [];
    hanging = createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const port = (hanging.address() as { port: number }).port;
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "test@example.se", { greetingMs: 300, connectionMs: 2000 });
    const error = await mailer.send({ to: "a@example.se", subject: "x", text: "x", html: "x" }).then(
      () => null,
      (e: Error) => e,
    );
    for (const s of sockets) s.destroy();
    expect(error?.message).toMatch(/greeting|timeout/i);
  });
});
