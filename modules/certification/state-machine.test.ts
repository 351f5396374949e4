import { describe, expect, it } from "vitest";
import { REQUIREMENT_STATUSES, type ApplicationStatus, type RequirementStatus } from "../../db/schema/applications.ts";
import { awaitingSubmission, canApplicant, canStaff, currentStep, readyForFinalReview, requirementTransition, type ProcessState } from "./state-machine.ts";

const state = (over: Partial<ProcessState> = {}): ProcessState => ({
  status: "in_progress",
  requirementStatuses: ["awaiting_file"],
  declared: false,
  invoiced: true,
  recipientGiven: false,
  ...over,
});

describe("a Moment", () => {
  const allowed: [RequirementStatus, "upload" | "approve" | "reject", RequirementStatus][] = [
    ["awaiting_file", "upload", "awaiting_review"],
    ["awaiting_review", "upload", "awaiting_review"],
    ["awaiting_review", "approve", "approved"],
    ["awaiting_review", "reject", "rejected"],
    ["rejected", "upload", "awaiting_review"],
  ];
  it.each(allowed)("%s --%s--> %s", (from, action, to) => {
    expect(requirementTransition(from, action)).toEqual({ ok: true, next: to });
  });

  it("refuses every other transition, with a reason", () => {
    for (const from of REQUIREMENT_STATUSES) {
      for (const action of ["upload", "approve", "reject"] as const) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        const v = requirementTransition(from, action);
        expect(v.ok, `${from} ${action}`).toBe(false);
        if (!v.ok) expect(v.reason.length).toBeGreaterThan(10);
      }
    }
  });
});

describe("the five steps", () => {
  it("move on as the applicant completes each", () => {
    expect(currentStep(state())).toBe(2);
    expect(currentStep(state({ requirementStatuses: ["approved", "awaiting_review"] }))).toBe(2);
    expect(currentStep(state({ requirementStatuses: ["approved"] }))).toBe(3);
    expect(currentStep(state({ requirementStatuses: ["approved"], declared: true }))).toBe(4);
    expect(currentStep(state({ requirementStatuses: ["approved"], declared: true, recipientGiven: true }))).toBe(5);
    expect(currentStep(state({ status: "issued", requirementStatuses: ["approved"], declared: true, recipientGiven: true }))).toBe(5);
  });

  it("skip step 4 where the scheme is not invoiced", () => {
    const s = state({ requirementStatuses: ["approved"], declared: true, invoiced: false });
    expect(currentStep(s)).toBe(5);
    expect(readyForFinalReview(s)).toBe(true);
    expect(canApplicant(s, "set_recipient").ok).toBe(false);
  });

  it("wait for the applicant's Skicka in once every step is done, and only then", () => {
    const ready = state({ requirementStatuses: ["approved"], declared: true, recipientGiven: true });
    expect(awaitingSubmission(ready)).toBe(true);
    expect(canApplicant(ready, "submit").ok).toBe(true);
    expect(awaitingSubmission(state({ requirementStatuses: ["approved"], declared: true, invoiced: false }))).toBe(true);
    for (const notYet of [state({ requirementStatuses: ["approved"], declared: true }), state({ requirementStatuses: ["approved", "awaiting_review"], declared: true, recipientGiven: true })]) {
      expect(awaitingSubmission(notYet)).toBe(false);
      expect(canApplicant(notYet, "submit").ok).toBe(false);
    }
    expect(awaitingSubmission({ ...ready, status: "final_review" })).toBe(false);
    expect(canApplicant({ ...ready, status: "final_review" }, "submit").ok).toBe(false);
  });

  it("open step 3 only when every Moment is Godkänt, and step 4 only after it", () => {
    expect(canApplicant(state({ requirementStatuses: ["approved", "rejected"] }), "declare").ok).toBe(false);
    expect(canApplicant(state({ requirementStatuses: [] }), "declare").ok).toBe(false);
    expect(canApplicant(state({ requirementStatuses: ["approved"] }), "declare").ok).toBe(true);
    expect(canApplicant(state({ requirementStatuses: ["approved"], declared: true }), "declare").ok).toBe(false);
    expect(canApplicant(state({ requirementStatuses: ["approved"] }), "set_recipient").ok).toBe(false);
    expect(canApplicant(state({ requirementStatuses: ["approved"], declared: true }), "set_recipient").ok).toBe(true);
  });

  it("freeze the application in final review and once closed, except withdrawal of an open one", () => {
    for (const status of ["final_review", "issued", "refused", "withdrawn"] as ApplicationStatus[]) {
      for (const action of ["upload", "declare", "set_recipient"] as const) {
        expect(canApplicant(state({ status, requirementStatuses: ["approved"], declared: action === "set_recipient" }), action).ok, `${status} ${action}`).toBe(false);
      }
    }
    for (const status of ["in_progress", "returned", "final_review"] as ApplicationStatus[]) expect(canApplicant(state({ status }), "withdraw").ok).toBe(true);
    for (const status of ["issued", "refused", "withdrawn"] as ApplicationStatus[]) expect(canApplicant(state({ status }), "withdraw").ok).toBe(false);
    expect(canApplicant(state({ status: "returned" }), "upload").ok).toBe(true);
  });

  it("let staff decide only in final review, and issue only a complete application", () => {
    const complete = state({ status: "final_review", requirementStatuses: ["approved"], declared: true, recipientGiven: true });
    expect(canStaff(complete, "issue")).toEqual({ ok: true, next: "issued" });
    expect(canStaff(complete, "refuse")).toEqual({ ok: true, next: "refused" });
    expect(canStaff(complete, "return")).toEqual({ ok: true, next: "returned" });
    expect(canStaff({ ...complete, recipientGiven: false }, "issue").ok).toBe(false);
    for (const status of ["in_progress", "returned", "issued", "refused", "withdrawn"] as ApplicationStatus[]) {
      for (const action of ["issue", "refuse", "return"] as const) expect(canStaff({ ...complete, status }, action).ok, `${status} ${action}`).toBe(false);
    }
  });
});
