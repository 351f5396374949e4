// completionData as the simulator hands it out: the same shape as BankID's, with a signature
// and an OCSP response that say plainly that they are simulated, so they can never be mistaken
// for (or verified as) the real thing.
import { createHash } from "node:crypto";
import type { CompletionData } from "./types.ts";
import type { SimOrder, SimulatedPerson } from "./simulator-orders.ts";

// TEST-NET-1 (RFC 5737): an address that can belong to no real device.
const SIMULATED_DEVICE_IP = "192.0.2.1";

const SIMULATED_OCSP = "SIMULATED OCSP RESPONSE - certportal BankID simulator - not issued by BankID";

export function simulatedCompletionData(order: SimOrder, person: SimulatedPerson, at: Date): CompletionData {
  const data: CompletionData = {
    user: {
      personalNumber: person.personalNumber,
      name: `${person.givenName} ${person.surname}`,
      givenName: person.givenName,
      surname: person.surname,
    },
    device: {
      // On the same device the app sees the same address as the RP did.
      ipAddress: order.openedVia === "autostart" ? order.endUserIp : SIMULATED_DEVICE_IP,
      // Stable per person, like one phone per person.
      uhi: createHash("sha256").update(`certportal-simulator-device:${person.personalNumber}`).digest("base64"),
    },
    bankIdIssueDate: oneYearBefore(at),
    signature: base64(simulatedSignatureXml(order, person, at)),
    ocspResponse: base64(SIMULATED_OCSP),
  };
  if (order.requirement.mrtd) data.stepUp = { mrtd: true };
  if (order.returnRisk) data.risk = "low";
  return data;
}

function simulatedSignatureXml(order: SimOrder, person: SimulatedPerson, at: Date): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- SIMULERAD: skapad av certportals BankID-simulator, inte av BankID. Ingen kryptografisk signatur. -->`,
    `<SimulatedSignature xmlns="urn:certportal:bankid-simulator">`,
    `<bankIdSignedData>`,
    `<usrVisibleData charset="UTF-8" visible="wysiwys">${xml(order.userVisibleData ?? "")}</usrVisibleData>`,
    `<usrNonVisibleData>${xml(order.userNonVisibleData ?? "")}</usrNonVisibleData>`,
    `<srvInfo><orderRef>${xml(order.orderRef)}</orderRef><kind>${order.kind}</kind><signedAt>${at.toISOString()}</signedAt></srvInfo>`,
    `<user><personalNumber>${xml(person.personalNumber)}</personalNumber><givenName>${xml(person.givenName)}</givenName><surname>${xml(person.surname)}</surname></user>`,
    `</bankIdSignedData>`,
    `</SimulatedSignature>`,
  ].join("\n");
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

function oneYearBefore(date: Date): string {
  const issued = new Date(date);
  issued.setUTCFullYear(issued.getUTCFullYear() - 1);
  return issued.toISOString().slice(0, 10);
}
