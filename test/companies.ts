// Helpers for tests of companies and employments: the routes are driven as a browser would.
import { expect } from "vitest";
import { luhnCheckDigit } from "../lib/identity/luhn.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { logIn, seedUser } from "./fixtures.ts";
import { browserClient, type BrowserClient, type TestApp } from "./harness.ts";

let serial = 0;

/** A fresh organisationsnummer with a right check digit, formatted NNNNNN-NNNN (a legal entity). */
export function newOrgNumber(): string {
  serial += 1;
  const payload = `5569${String(serial).padStart(5, "0")}`;
  const digits = `${payload}${luhnCheckDigit(payload)}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The form of "Registrera företag", with a real one-page PDF unless a file is given. */
export function companyForm(fields: Record<string, string> = {}, file: { bytes: Buffer; name: string; type?: string } | null = { bytes: makePdf(), name: "registreringsbevis.pdf", type: "application/pdf" }): FormData {
  const form = new FormData();
  const values = {
    orgnr: newOrgNumber(),
    namn: "Kylteknik i Norr AB",
    adressrad1: "Industrigatan 4",
    adressrad2: "",
    postnummer: "901 30",
    ort: "Umeå",
    land: "Sverige",
    telefon: "090-12 34 56",
    epost: "info@kylteknik.example.se",
    ...fields,
  };
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  if (file) form.set("registreringsbevis", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return form;
}

export function postForm(client: BrowserClient, path: string, form: FormData, init: { htmx?: boolean } = {}) {
  return client.request(path, { method: "POST", body: form, htmx: init.htmx });
}

/** Registers a company through /registrera-foretag; returns its id (from the thank-you address). */
export async function registerCompanyAs(client: BrowserClient, fields: Record<string, string> = {}): Promise<{ companyId: string; orgnr: string }> {
  const form = companyForm(fields);
  const res = await postForm(client, "/registrera-foretag", form);
  expect(res.status, await res.clone().text()).toBe(303);
  const location = res.headers.get("Location")!;
  const m = /^\/registrera-foretag\/tack\/([^/]+)$/.exec(location);
  expect(m, location).not.toBeNull();
  return { companyId: m![1]!, orgnr: String(form.get("orgnr")) };
}

/** A logged-in client for a new person. */
export async function personClient(t: TestApp, email: string, names: { givenName?: string; familyName?: string; roles?: ("applicant" | "reviewer" | "decider" | "admin")[] } = {}) {
  const ids = await seedUser(t.runtime.deps, { email, ...names });
  const client = browserClient(t.app);
  await logIn(t, client, email);
  return { client, ...ids };
}

/** Staff approve a registration through /personal. */
export async function approveCompany(staff: BrowserClient, companyId: string): Promise<void> {
  const res = await staff.post(`/personal/foretag/${companyId}/beslut`, { beslut: "godkann" });
  expect(res.status, await res.clone().text()).toBe(303);
}

/** A person asks to be employed by the company with that organisationsnummer. */
export async function requestEmploymentAs(client: BrowserClient, orgnr: string, startdatum = "2026-01-15"): Promise<Response> {
  return client.post("/min-sida/anstallningar/ny", { foretag: orgnr, startdatum });
}
