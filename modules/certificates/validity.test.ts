import { describe, expect, it } from "vitest";
import { certificateDates } from "./validity.ts";

describe("certificateDates", () => {
  it("gives an F-gas person certificate one year and a five-year cycle, to the day before", () => {
    expect(certificateDates({ kind: "CERTIFICATE", validityYears: 1, validUntilFromEvidence: false, recertificationYears: 5 }, "2026-03-15", null)).toEqual({ validUntil: "2027-03-14", cycleEndsOn: "2031-03-14" });
    expect(certificateDates({ kind: "CERTIFICATE", validityYears: 1, validUntilFromEvidence: false, recertificationYears: 5 }, "2028-02-29", null)).toEqual({ validUntil: "2029-02-28", cycleEndsOn: "2033-02-28" });
  });

  it("takes an external certificate's date from its document, and the cycle with it", () => {
    expect(certificateDates({ kind: "CERTIFICATE", validityYears: null, validUntilFromEvidence: true, recertificationYears: null }, "2026-03-15", "2028-06-30")).toEqual({ validUntil: "2028-06-30", cycleEndsOn: "2028-06-30" });
  });

  it("lets an attestation stand without an end", () => {
    expect(certificateDates({ kind: "ATTESTATION", validityYears: null, validUntilFromEvidence: false, recertificationYears: null }, "2026-03-15", null)).toEqual({ validUntil: null, cycleEndsOn: null });
  });
});
