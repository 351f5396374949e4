import { describe, expect, it } from "vitest";
import { CERTIFICATE_STATUSES } from "../../db/schema/certificates.ts";
import { CERTIFICATE_LABELS, certificateTransition, publicStatus } from "./status.ts";

const today = "2026-05-10";

describe("publicStatus", () => {
  it("reads an active certificate past Giltigt till as expired, and nothing else differently", () => {
    expect(publicStatus({ status: "active", validUntil: "2026-05-10" }, today)).toBe("active");
    expect(publicStatus({ status: "active", validUntil: "2026-05-09" }, today)).toBe("expired");
    expect(publicStatus({ status: "active", validUntil: null }, today)).toBe("active");
    expect(publicStatus({ status: "suspended", validUntil: "2020-01-01" }, today)).toBe("suspended");
    expect(publicStatus({ status: "withdrawn", validUntil: null }, today)).toBe("withdrawn");
  });

  it("has a Swedish label for every status", () => {
    expect(CERTIFICATE_STATUSES.map((s) => CERTIFICATE_LABELS[s])).toEqual(["Aktivt", "Vilande", "Indraget", "Utgånget", "Avslutat"]);
  });
});

describe("certificateTransition", () => {
  const valid = "2027-01-01";
  it("allows suspend from active, reinstate from suspended, withdraw from both", () => {
    expect(certificateTransition({ status: "active", validUntil: valid }, "suspend", today)).toEqual({ ok: true, next: "suspended" });
    expect(certificateTransition({ status: "suspended", validUntil: valid }, "reinstate", today)).toEqual({ ok: true, next: "active" });
    expect(certificateTransition({ status: "active", validUntil: valid }, "withdraw", today)).toEqual({ ok: true, next: "withdrawn" });
    expect(certificateTransition({ status: "suspended", validUntil: valid }, "withdraw", today)).toEqual({ ok: true, next: "withdrawn" });
  });

  it("refuses everything else with a reason, withdrawn being terminal", () => {
    for (const action of ["suspend", "reinstate", "withdraw"] as const) {
      const verdict = certificateTransition({ status: "withdrawn", validUntil: valid }, action, today);
      expect(verdict.ok, action).toBe(false);
    }
    expect(certificateTransition({ status: "suspended", validUntil: valid }, "suspend", today)).toEqual({ ok: false, reason: "Bara ett aktivt certifikat kan göras vilande." });
    expect(certificateTransition({ status: "active", validUntil: valid }, "reinstate", today)).toEqual({ ok: false, reason: "Bara ett vilande certifikat kan återaktiveras." });
    expect(certificateTransition({ status: "active", validUntil: "2026-01-01" }, "suspend", today)).toEqual({ ok: false, reason: "Certifikatet har gått ut och kan inte göras vilande." });
  });
});
