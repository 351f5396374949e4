import { describe, expect, it } from "vitest";
import type { LoadedApplication } from "../../modules/certification/index.ts";
import { nextStepOf } from "./next-steps.tsx";

type Status = LoadedApplication["moments"][number]["moment"]["status"];
type Moment = { name: string; status: Status; exam?: boolean; attestable?: boolean };

/** An application as loadApplication returns it, with only what Nästa steg reads. */
function app(over: { status?: LoadedApplication["application"]["status"]; moments: Moment[]; declared?: boolean; recipient?: boolean; invoiced?: boolean }): LoadedApplication {
  return {
    application: { id: "a1", kind: "initial", status: over.status ?? "in_progress", declaredAt: over.declared ? new Date() : null },
    scheme: { name: "Personcertifikat kategori II", invoiced: over.invoiced ?? true },
    area: { name: "F-gaser" },
    moments: over.moments.map((m, i) => ({ moment: { id: `m${i}`, status: m.status }, requirement: { name: m.name, exam: m.exam ?? false, attestable: m.attestable ?? false } })),
    recipient: over.recipient ? {} : null,
  } as unknown as LoadedApplication;
}

const step = (a: LoadedApplication, forCompany = false) => nextStepOf(a, { forCompany });

describe("Nästa steg: what an application waits for and who acts", () => {
  it("follows the process from the first file to the decision", () => {
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "awaiting_file" }] }))).toMatchObject({ who: "you", action: { label: "Ladda upp fil", href: "/min-sida/ansokningar/a1/moment/m0" } });
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "rejected" }] }))).toMatchObject({ who: "you", what: expect.stringContaining("ej godkänt") });
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "awaiting_review" }] }))).toMatchObject({ who: "reviewer", action: { label: "Visa certifieringsprocess" } });
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "approved" }] }))).toMatchObject({ who: "you", action: { label: "Intyga certifikatansökan", href: "/min-sida/ansokningar/a1/intyga" } });
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "approved" }], declared: true }))).toMatchObject({ who: "you", action: { label: "Ange fakturamottagare" } });
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "approved" }], declared: true, recipient: true }))).toMatchObject({ who: "you", action: { label: "Granska och skicka in", href: "/min-sida/ansokningar/a1/skicka-in" } });
    expect(step(app({ moments: [{ name: "Kopia av legitimation", status: "approved" }], declared: true, invoiced: false }))).toMatchObject({ action: { label: "Granska och skicka in" } });
    expect(step(app({ status: "final_review", moments: [{ name: "Kopia av legitimation", status: "approved" }], declared: true, recipient: true }))).toMatchObject({ who: "decider" });
    for (const closed of ["issued", "refused", "withdrawn"] as const) expect(step(app({ status: closed, moments: [] }))).toBeNull();
  });

  it("names the examination centre for an exam Moment, and the company's admin for an attestable one", () => {
    expect(step(app({ moments: [{ name: "Godkänt prov", status: "awaiting_file", exam: true }] }))).toMatchObject({ who: "exam_centre", action: { href: "/min-sida/prov" } });
    const both = step(app({ moments: [{ name: "Godkänt prov", status: "awaiting_file", exam: true }, { name: "Kopia av legitimation", status: "awaiting_file" }] }))!;
    expect(both.who).toBe("you");
    expect(both.what).toBe("Ladda upp en fil för Kopia av legitimation. Godkänt prov: provresultatet kommer från examinationscentret.");
    expect(step(app({ moments: [{ name: "Intyg om yrkesverksamhet", status: "awaiting_file", attestable: true }] }))).toMatchObject({ who: "you_or_admin" });
    // A company's own application: its admins upload; nobody attests for the company.
    expect(step(app({ moments: [{ name: "Intyg om yrkesverksamhet", status: "awaiting_file", attestable: true }] }), true)).toMatchObject({ who: "you" });
  });
});
