import { describe, expect, it } from "vitest";
import { parseQrData, qrData, verifyQrData } from "./qr.ts";

// The example from BankID's QR code guide (developers.bankid.com/how-to-guides/qr-code); the
// time-0 string also appears verbatim in third-party docs, and `openssl dgst -sha256 -hmac`
// gives the same codes.
const token = "67df3917-fa0d-44e5-b327-edcc928297f8";
const secret = "d28db9a7-4cde-429e-a983-359be676944c";

describe("qrData", () => {
  it("matches BankID's published example", () => {
    expect(qrData(token, secret, 0)).toBe(
      `bankid.${token}.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8`,
    );
    expect(qrData(token, secret, 1)).toBe(
      `bankid.${token}.1.949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2`,
    );
    expect(qrData(token, secret, 2)).toBe(
      `bankid.${token}.2.a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3`,
    );
  });

  it("changes the code every second and floors fractions", () => {
    const codes = new Set([0, 1, 2, 3, 30, 179].map((s) => qrData(token, secret, s).split(".")[3]));
    expect(codes.size).toBe(6);
    expect(qrData(token, secret, 7.9)).toBe(qrData(token, secret, 7));
  });

  it("depends on the secret", () => {
    expect(qrData(token, "another-secret", 0)).not.toBe(qrData(token, secret, 0));
  });

  it("refuses negative or non-numeric time", () => {
    expect(() => qrData(token, secret, -1)).toThrow(RangeError);
    expect(() => qrData(token, secret, Number.NaN)).toThrow(RangeError);
  });
});

describe("verifyQrData", () => {
  it("accepts good data and reports token and time", () => {
    expect(verifyQrData(qrData(token, secret, 12), secret)).toEqual({ valid: true, qrStartToken: token, seconds: 12 });
    expect(verifyQrData(`  ${qrData(token, secret, 12)}\n`, secret).valid).toBe(true);
  });

  it("rejects a changed time, code, token-secret pair or shape", () => {
    const [prefix, t, , code] = qrData(token, secret, 5).split(".");
    expect(verifyQrData([prefix, t, "6", code].join("."), secret)).toEqual({ valid: false, reason: "code" });
    const flipped = (code[0] === "a" ? "b" : "a") + code.slice(1);
    expect(verifyQrData([prefix, t, "5", flipped].join("."), secret)).toEqual({ valid: false, reason: "code" });
    expect(verifyQrData(qrData(token, secret, 5), "wrong-secret")).toEqual({ valid: false, reason: "code" });
    for (const bad of ["", "bankid", `bankid.${token}.5`, `bankid.${token}.05.${code}`, `BANKID.${token}.5.${code}`, `bankid.${token}.5.${code.toUpperCase()}`]) {
      expect(verifyQrData(bad, secret)).toEqual({ valid: false, reason: "format" });
    }
  });

  it("rejects a time beyond maxAgeSeconds", () => {
    const data = qrData(token, secret, 40);
    expect(verifyQrData(data, secret, 40).valid).toBe(true);
    expect(verifyQrData(data, secret, 39)).toEqual({ valid: false, reason: "time" });
  });
});

describe("parseQrData", () => {
  it("splits the parts", () => {
    const data = qrData(token, secret, 3);
    expect(parseQrData(data)).toEqual({ qrStartToken: token, seconds: 3, qrAuthCode: data.split(".")[3] });
    expect(parseQrData("bankid.x.y.z")).toBeNull();
  });
});
