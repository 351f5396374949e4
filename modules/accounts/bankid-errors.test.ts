import { afterEach, describe, expect, it, vi } from "vitest";
import { BankIdError } from "../../lib/bankid/types.ts";
import { DomainError } from "../../lib/errors.ts";
import { bankIdTrouble, OUR_ERROR, RFA4, RFA5, troubleOf } from "./bankid-errors.ts";

afterEach(() => vi.restoreAllMocks());

const answer = (errorCode: string, httpStatus: number) => new BankIdError(errorCode, "details from BankID", httpStatus);

describe("BankID's error answers in Swedish words", () => {
  // [what BankID (or the client) said, status, message, logged as our own mistake]
  const table: [string, BankIdError | Error, number, string, boolean][] = [
    ["alreadyInProgress", answer("alreadyInProgress", 400), 409, RFA4, false],
    ["internalError", answer("internalError", 500), 503, RFA5, false],
    ["maintenance", answer("maintenance", 503), 503, RFA5, false],
    ["requestTimeout", answer("requestTimeout", 408), 503, RFA5, false],
    ["no answer at all", new BankIdError("requestFailed", "connect ECONNREFUSED", 0), 503, RFA5, false],
    ["a proxy's 502 without BankID's body", answer("unknown", 502), 503, RFA5, false],
    ["invalidParameters", answer("invalidParameters", 400), 503, OUR_ERROR, true],
    ["unauthorized", answer("unauthorized", 401), 503, OUR_ERROR, true],
    ["notFound", answer("notFound", 404), 503, OUR_ERROR, true],
    ["unsupportedMediaType", answer("unsupportedMediaType", 415), 503, OUR_ERROR, true],
    ["an unreadable answer", new BankIdError("invalidResponse", "unexpected /auth response", 200), 503, OUR_ERROR, true],
    ["a new 4xx code", answer("somethingNew", 400), 503, OUR_ERROR, true],
    ["not a BankID error at all", new TypeError("bankid.auth is not a function"), 503, OUR_ERROR, true],
  ];

  it.each(table)("%s", (_, error, status, message, logged) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const trouble = bankIdTrouble(error, "auth");
    expect(trouble).toBeInstanceOf(DomainError);
    expect(trouble.status).toBe(status);
    expect(trouble.message).toBe(message);
    expect(trouble.cause).toBe(error);
    expect(log).toHaveBeenCalledTimes(logged ? 1 : 0);
    if (logged) {
      const line = String(log.mock.calls[0]![0]);
      expect(line).not.toContain("\n");
      expect(line).toContain("/auth");
    }
  });

  it("says RFA4 and RFA5 in BankID's own words", () => {
    expect(RFA4).toBe("En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen.");
    expect(RFA5).toBe("Internt tekniskt fel. Försök igen.");
    expect(OUR_ERROR).not.toMatch(/BankID (är|har|svarar)/);
    expect(OUR_ERROR).toContain("hos oss");
  });

  it("reads the trouble back from the hintCode a failed order was saved with", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const error of [answer("maintenance", 503), answer("invalidParameters", 400)]) {
      const trouble = bankIdTrouble(error, "collect");
      expect(troubleOf(trouble.kind)).toEqual({ status: trouble.status, message: trouble.message });
    }
    expect(troubleOf("userCancel")).toBeNull();
    expect(troubleOf("toString")).toBeNull();
    expect(troubleOf(null)).toBeNull();
  });
});
