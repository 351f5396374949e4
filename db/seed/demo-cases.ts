// The demo's case: a visitor's complaint about work done under Exempel Kyl AB's company
// certificate, sent through "Lämna klagomål" as a real one is (a case number, the receipt mail,
// the Händelselogg), so "Överklaganden och klagomål" under Personal has something to take.
import { eq } from "drizzle-orm";
import { submitComplaint } from "../../modules/cases/index.ts";
import type { Deps } from "../../modules/deps.ts";
import { certificates, companies } from "../schema/index.ts";

export async function seedDemoCases(deps: Deps): Promise<void> {
  const kyl = (await deps.db.select({ id: companies.id }).from(companies).where(eq(companies.orgNumber, "5560160680")).get())!;
  const certificate = (await deps.db.select({ number: certificates.number }).from(certificates).where(eq(certificates.companyId, kyl.id)).get())!;
  await submitComplaint(deps, null, {
    description:
      "Exempel Kyl AB gjorde service på vår värmepump i oktober. Två veckor senare läckte köldmediet ut och anläggningen stannade. Installatören fyllde på utan att läcksöka, och något läckagekontrollprotokoll har vi inte fått.",
    certificateNumber: String(certificate.number),
    name: "Lena Larsson",
    email: "lena.larsson@example.net",
    phone: null,
    files: [],
  });
}
