// The OpenAPI 3.1 description of the public API, written by hand: a handful of routes do not need
// a generator. public-site/api/openapi.test.ts calls every path documented here and checks the
// answers against these schemas, so the document cannot drift from the code.
import { CERTIFICATE_STATUSES } from "../../db/schema/certificates.ts";
import { CERTIFICATE_LABELS } from "../../modules/certificates/index.ts";
import { MAX_PAGE_SIZE, TOTAL_CAP } from "../../modules/verification/index.ts";

const date = { type: "string", format: "date", description: "YYYY-MM-DD" };
const nullableDate = { type: ["string", "null"], format: "date", description: "YYYY-MM-DD, or null" };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const publicHeaders = {
  "Access-Control-Allow-Origin": { description: "Always *: any site may read the API.", schema: { type: "string", const: "*" } },
  "Cache-Control": { description: "public, max-age=60", schema: { type: "string" } },
  ETag: { description: "Computed from the body; send it back in If-None-Match to get 304.", schema: { type: "string" } },
};

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer: 304 if nothing changed.", schema: { type: "string" } };

const okJson = (schema: string, description: string) => ({
  "200": { description, headers: publicHeaders, content: { "application/json": { schema: ref(schema) } } },
  "304": { description: "Not modified: the ETag in If-None-Match is still current.", headers: publicHeaders },
});

const tooMany = problemResponse("Too many requests from this address (PUBLIC_RATE_LIMIT a minute); see Retry-After.");

export function openApiDocument(publicUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "certportal public API",
      version: "1.0.0",
      description:
        "Verify certificates and find certified companies. No authentication, no cookies; every answer may be read by any origin (CORS *) and cached for 60 seconds. Errors are application/problem+json with a Swedish title and detail. Never contains personnummer, birth dates, addresses, e-mail addresses or phone numbers. Certificates are also W3C Verifiable Credentials (Open Badges 3.0, secured as vc+jwt with EdDSA/Ed25519): the issuer is did:web for this server, its keys at /.well-known/did.json; each credential's credentialStatus points at the signed Bitstring Status Lists below; POST /verify checks a credential or a certificate's QR code.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths: {
      "/certificates/{number}": {
        get: {
          operationId: "getCertificate",
          summary: "One certificate by its number, as the public verification page shows it; with `on`, also its status on that date.",
          parameters: [
            { name: "number", in: "path", required: true, description: "The certificate number (digits).", schema: { type: "string", pattern: "^[0-9]{1,12}$" }, example: "10001" },
            {
              name: "on",
              in: "query",
              required: false,
              description: "A date (YYYY-MM-DD): \"was it active on that day?\". The answer then also has `on`: the status the certificate had that day, read from its status history, and which version was valid.",
              schema: { type: "string", format: "date" },
              example: "2026-03-01",
            },
            ifNoneMatch,
          ],
          responses: {
            ...okJson("Certificate", "The certificate's current version and its status today (and, with `on`, on that date)."),
            "400": problemResponse("The number is not a certificate number (digits only), or `on` is not a date."),
            "404": problemResponse("No certificate has this number."),
            "429": tooMany,
          },
        },
      },
      "/companies": {
        get: {
          operationId: "searchCompanies",
          summary: `Certified companies: by default those with a company certificate that is active today, in Swedish name order (a–z, then å, ä, ö; case ignored). The total is counted up to ${TOTAL_CAP}.`,
          parameters: [
            { name: "q", in: "query", required: false, description: "Words of the company's name or city, each matched as a prefix (\"kyl\" finds Kylteknik); an organisationsnummer also works.", schema: { type: "string", maxLength: 100 } },
            { name: "area", in: "query", required: false, description: "A technical area's code, e.g. fgas.", schema: { type: "string", maxLength: 40 } },
            { name: "city", in: "query", required: false, description: "Words of the city (ort), as prefixes.", schema: { type: "string", maxLength: 60 } },
            { name: "orgNumber", in: "query", required: false, description: "Exact organisationsnummer, 556016-0680 or 5560160680.", schema: { type: "string", maxLength: 20 } },
            { name: "includeWithoutActive", in: "query", required: false, description: "true: also companies whose company certificates are all suspended, withdrawn, expired or ended.", schema: { type: "string", enum: ["true", "false"] } },
            { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "pageSize", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 } },
            ifNoneMatch,
          ],
          responses: {
            ...okJson("CompanySearchResult", "One page of companies and the total number found."),
            "400": problemResponse("A parameter has a value that cannot be used."),
            "429": tooMany,
          },
        },
      },
      "/companies/{orgNumber}": {
        get: {
          operationId: "getCompany",
          summary: "One certified company and its company certificates, whatever their status.",
          parameters: [{ name: "orgNumber", in: "path", required: true, description: "Organisationsnummer, 5560160680 or 556016-0680.", schema: { type: "string" }, example: "5560160680" }, ifNoneMatch],
          responses: {
            ...okJson("Company", "The company."),
            "400": problemResponse("Not an organisationsnummer (ten digits)."),
            "404": problemResponse("No certified company has this organisationsnummer."),
            "429": tooMany,
          },
        },
      },
      "/issuer": {
        get: {
          operationId: "getIssuer",
          summary: "Who signs the credentials and status lists: the organisation behind the DID, and its keys (the current one and those still published for what they signed).",
          parameters: [ifNoneMatch],
          responses: okJson("Issuer", "The issuer."),
        },
      },
      "/status-lists/{list}/{purpose}": {
        get: {
          operationId: "getStatusList",
          summary:
            "A W3C BitstringStatusListCredential (131 072 entries, one per certificate number at a random index), signed as application/vc+jwt. The bit at a credential's statusListIndex is set while the certificate is withdrawn or ended (revocation) or suspended (suspension). Changes in the same transaction as the certificate's status; the ETag changes with it.",
          parameters: [
            { name: "list", in: "path", required: true, schema: { type: "string", pattern: "^[1-9][0-9]{0,8}$" }, example: "1" },
            { name: "purpose", in: "path", required: true, schema: { type: "string", enum: ["revocation", "suspension"] } },
            ifNoneMatch,
          ],
          responses: {
            "200": { description: "The list, a compact JWS whose payload is the credential.", headers: publicHeaders, content: { "application/vc+jwt": { schema: { type: "string", pattern: "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$" } } } },
            "304": { description: "Not modified: no bit changed since that ETag.", headers: publicHeaders },
            "404": problemResponse("No such list."),
            "429": tooMany,
          },
        },
      },
      "/verify": {
        post: {
          operationId: "verify",
          summary:
            "Checks a digital certificate (the .jwt file of Ladda ned digitalt certifikat) or the text of a certificate's QR code, as /verifiera does: Underskrift (signature), Utfärdare (one of this issuer's published keys), Giltighet (dates) and Status (the status lists, or the register for a QR code). Changes nothing and stores nothing; any origin may call it (CORS *).",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: ref("VerifyRequest") },
              "text/plain": { schema: { type: "string", maxLength: 65_536 }, description: "The credential or the QR code's text itself." },
              "application/vc+jwt": { schema: { type: "string" } },
            },
          },
          responses: {
            "200": { description: "What each check found; verified is true only when every check passed.", headers: { "Access-Control-Allow-Origin": publicHeaders["Access-Control-Allow-Origin"] }, content: { "application/json": { schema: ref("Verification") } } },
            "400": problemResponse("Nothing that can be verified: not a credential in vc+jwt, nor a signed QR code of this issuer."),
            "413": problemResponse("More than 128 kB."),
            "415": problemResponse("Another content type than those above."),
            "429": tooMany,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document.",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      schemas: {
        Status: {
          type: "string",
          enum: [...CERTIFICATE_STATUSES],
          description: `The status today. ${CERTIFICATE_STATUSES.map((s) => `${s} = ${CERTIFICATE_LABELS[s]}`).join(", ")}. An active certificate past validUntil is expired.`,
        },
        StatusLabel: { type: "string", enum: CERTIFICATE_STATUSES.map((s) => CERTIFICATE_LABELS[s]), description: "The status in Swedish, as the pages show it." },
        Scheme: {
          type: "object",
          additionalProperties: false,
          required: ["area", "name"],
          properties: { area: { type: "string", description: "Teknikområde, e.g. F-gaser." }, name: { type: "string", description: "The certificate, e.g. Företagscertifikat F-gas." } },
        },
        Certificate: {
          type: "object",
          additionalProperties: false,
          required: ["number", "holder", "scheme", "status", "statusLabel", "issuedOn", "validUntil", "lastDecisionOn", "issuer", "verifyUrl"],
          properties: {
            number: { type: "integer", minimum: 1 },
            holder: { type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string", description: "The person's full name, or the company's name." } } },
            scheme: ref("Scheme"),
            status: ref("Status"),
            statusLabel: ref("StatusLabel"),
            issuedOn: date,
            validUntil: { ...nullableDate, description: "Last day it is valid (YYYY-MM-DD); null where it does not expire." },
            lastDecisionOn: { ...nullableDate, description: "Date of the latest decision on it (Senaste beslut)." },
            issuer: { type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string" } } },
            verifyUrl: { type: "string", format: "uri", description: "The public verification page, the address in the certificate's QR code." },
            on: ref("StatusOnDate"),
          },
        },
        StatusOnDate: {
          type: "object",
          additionalProperties: false,
          required: ["date", "status", "statusLabel", "version", "validUntil"],
          description: "Only when the request had `on`: the certificate's status on that date.",
          properties: {
            date: date,
            status: { anyOf: [ref("Status"), { type: "null" }], description: "The status that day; null if it had not been issued yet." },
            statusLabel: { type: "string", description: "The status in Swedish; \"Inte utfärdat\" before it was issued." },
            version: { type: ["integer", "null"], minimum: 1, description: "The version that was valid that day (a renewal keeps the number and raises the version)." },
            validUntil: { ...nullableDate, description: "That version's Giltigt till." },
          },
        },
        CompanyCertificate: {
          type: "object",
          additionalProperties: false,
          required: ["number", "scheme", "status", "statusLabel", "validUntil", "verifyUrl"],
          properties: {
            number: { type: "integer", minimum: 1 },
            scheme: ref("Scheme"),
            status: ref("Status"),
            statusLabel: ref("StatusLabel"),
            validUntil: nullableDate,
            verifyUrl: { type: "string", format: "uri" },
          },
        },
        Company: {
          type: "object",
          additionalProperties: false,
          required: ["orgNumber", "name", "city", "pageUrl", "certificates"],
          properties: {
            orgNumber: { type: ["string", "null"], pattern: "^[0-9]{10}$", description: "Ten digits; null for a sole trader (enskild firma), whose number is the owner's personnummer." },
            name: { type: "string" },
            city: { type: "string" },
            pageUrl: { type: ["string", "null"], format: "uri", description: "The company's public page; null where orgNumber is." },
            certificates: { type: "array", items: ref("CompanyCertificate"), description: "Company certificates, active first." },
          },
        },
        CompanySearchResult: {
          type: "object",
          additionalProperties: false,
          required: ["companies", "total", "totalIsLowerBound", "page", "pageSize", "pageCount"],
          properties: {
            companies: { type: "array", items: ref("Company") },
            total: { type: "integer", minimum: 0, description: `The number of companies found, counted up to ${TOTAL_CAP}.` },
            totalIsLowerBound: { type: "boolean", description: `true: more companies than total were found (counting stops at ${TOTAL_CAP}); pages after pageCount may still have companies.` },
            page: { type: "integer", minimum: 1 },
            pageSize: { type: "integer", minimum: 1 },
            pageCount: { type: "integer", minimum: 0, description: "The pages of total." },
          },
        },
        Issuer: {
          type: "object",
          additionalProperties: false,
          required: ["id", "type", "name", "url", "description", "accreditation", "didDocument", "verifyUrl", "verifyApi", "keys", "revokedKeys"],
          properties: {
            id: { type: "string", pattern: "^did:web:", description: "The issuer's DID, the issuer.id of every credential." },
            type: { type: "array", items: { type: "string" } },
            name: { type: "string" },
            url: { type: "string", format: "uri" },
            description: { type: "string" },
            accreditation: { type: "string" },
            didDocument: { type: "string", format: "uri", description: "Where did:web resolves: the public keys as JWK." },
            verifyUrl: { type: "string", format: "uri", description: "Verifiera certifikat, the page." },
            verifyApi: { type: "string", format: "uri" },
            keys: {
              type: "array",
              description: "Newest first; current signs new credentials, the others still verify what they signed (npm run cli -- keys:rotate).",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["id", "kid", "current", "createdAt"],
                properties: { id: { type: "string", description: "The verification method, the kid of a JWS." }, kid: { type: "string", description: "RFC 7638 thumbprint." }, current: { type: "boolean" }, createdAt: { type: "string" } },
              },
            },
            revokedKeys: {
              type: "array",
              description: "Keys taken out of use (npm run cli -- keys:revoke), newest first: no longer in the DID document, and nothing they signed verifies.",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["id", "kid", "revokedAt"],
                properties: { id: { type: "string" }, kid: { type: "string", description: "RFC 7638 thumbprint." }, revokedAt: { type: "string", format: "date-time" } },
              },
            },
          },
        },
        VerifyRequest: {
          type: "object",
          description: "One of the two.",
          properties: { credential: { type: "string", description: "A credential in vc+jwt (compact JWS), or an EnvelopedVerifiableCredential as JSON text." }, qr: { type: "string", description: "A certificate's QR code text: $PUBLIC_URL/c/{number}#s1,…" } },
        },
        Check: {
          type: "object",
          additionalProperties: false,
          required: ["name", "label", "ok", "message"],
          properties: {
            name: { type: "string", enum: ["signature", "issuer", "validity", "status"] },
            label: { type: "string", enum: ["Underskrift", "Utfärdare", "Giltighet", "Status"] },
            ok: { type: ["boolean", "null"], description: "true passed, false failed, null could not be checked (e.g. the signature, when the key is unknown)." },
            message: { type: "string", description: "What was found, in Swedish." },
          },
        },
        Verification: {
          type: "object",
          additionalProperties: false,
          required: ["kind", "verified", "checks", "presented"],
          properties: {
            kind: { type: "string", enum: ["credential", "qr"] },
            verified: { type: "boolean" },
            checks: { type: "array", items: ref("Check") },
            presented: {
              type: "object",
              additionalProperties: false,
              description: "What the credential or QR code says (whether it holds is what the checks say).",
              required: ["number", "version", "holderName", "scheme", "area", "validFrom", "validUntil", "issuer"],
              properties: {
                number: { type: ["string", "null"] },
                version: { type: ["integer", "null"] },
                holderName: { type: ["string", "null"] },
                scheme: { type: ["string", "null"] },
                area: { type: ["string", "null"] },
                validFrom: nullableDate,
                validUntil: nullableDate,
                issuer: { type: "object", additionalProperties: false, required: ["id", "name"], properties: { id: { type: ["string", "null"] }, name: { type: ["string", "null"] } } },
              },
            },
          },
        },
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
        },
      },
    },
  };
}
