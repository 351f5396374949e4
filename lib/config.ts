import path from "node:path";
import { LOG_LEVELS, type LogLevel } from "./log.ts";
import { language } from "./i18n/index.ts";

export type BankIdMode = "simulator" | "test" | "production";

export interface Config {
  nodeEnv: string;
  production: boolean;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  smtpUrl: string | undefined;
  /** Take the client's address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Requests per minute and client address to the public API, /c and Kontrollera certifikat; 0 = no limit. */
  publicRateLimit: number;
  /** How long a SIGTERM waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** How much the JSON log on stdout says: fatal, error, warn, info (default), debug, trace or silent. */
  logLevel: LogLevel;
  mailFrom: string;
  bankId: {
    mode: BankIdMode;
    cert: string | undefined;
    key: string | undefined;
    ca: string | undefined;
  };
  org: OrgConfig;
}

/** The certification body itself: everything that would otherwise tie the code to one company. */
export interface OrgConfig {
  name: string;
  shortName: string;
  systemName: string;
  description: string;
  accreditation: string;
  address: string;
  phone: string;
  email: string;
  /** Printed on invoices, as the organisation writes it (e.g. 556677-8899). */
  orgNumber: string;
  /** Momsregistreringsnummer; SE + orgNumber + 01 unless set. */
  vatNumber: string;
  bankgiro: string;
  /** Who signs certificates, on the issuer line of the PDF. */
  signatory: { name: string; title: string };
  /** The organisation's own texts for English pages and certificates (ORG_*_EN; docs/decisions/022). */
  english: { description: string; accreditation: string; signatoryTitle: string };
}

/** The organisation's texts in the language of what is being made. */
export function orgTexts(org: OrgConfig): { description: string; accreditation: string; signatoryTitle: string } {
  return language() === "en" ? org.english : { description: org.description, accreditation: org.accreditation, signatoryTitle: org.signatory.title };
}

export class ConfigError extends Error {}

/** Reads DESIGN.md §3's variables; every one has a default that works on a laptop. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  const production = nodeEnv === "production";
  const port = parsePort(env.PORT ?? "3000");
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const dataDir = path.resolve(env.DATA_DIR ?? "./data");
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, "certportal.db")}`;
  const mode = (env.BANKID_MODE ?? (production ? "production" : "simulator")) as BankIdMode;
  if (!["simulator", "test", "production"].includes(mode)) {
    throw new ConfigError(`BANKID_MODE must be simulator, test or production, not "${mode}"`);
  }
  if (production && mode === "simulator") {
    throw new ConfigError("BANKID_MODE=simulator is not allowed when NODE_ENV=production");
  }
  const orgName = env.ORG_NAME ?? "Certifieringsorganet";
  const orgNumber = env.ORG_ORGNR ?? "000000-0000";
  return {
    nodeEnv,
    production,
    port,
    publicUrl,
    dataDir,
    databaseUrl,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    trustProxy: env.TRUST_PROXY === "true" || env.TRUST_PROXY === "1",
    publicRateLimit: parseRateLimit(env.PUBLIC_RATE_LIMIT ?? "120"),
    shutdownGraceMs: parseGrace(env.SHUTDOWN_GRACE_MS ?? "10000"),
    logLevel: parseLogLevel(env.LOG_LEVEL ?? "info"),
    mailFrom: env.MAIL_FROM ?? `${orgName} <noreply@${new URL(publicUrl).hostname}>`,
    bankId: { mode, cert: env.BANKID_CERT, key: env.BANKID_KEY, ca: env.BANKID_CA },
    org: {
      name: orgName,
      shortName: env.ORG_SHORT_NAME ?? orgName,
      systemName: env.ORG_SYSTEM_NAME ?? `${env.ORG_SHORT_NAME ?? orgName} Online`,
      description:
        env.ORG_DESCRIPTION ??
        `${orgName} är ett certifieringsorgan som bedriver person- och företagscertifiering inom installationsområdet bygg och anläggning och inom fordonsbranschen. Certifiering sker inom områden som är både under och utan ackreditering.`,
      accreditation: env.ORG_ACCREDITATION ?? "Ackrediterat certifieringsorgan för certifiering av personer och företag.",
      address: env.ORG_ADDRESS ?? "Exempelgatan 1, 123 45 Exempelstad",
      phone: env.ORG_PHONE ?? "08-000 00 00",
      email: env.ORG_EMAIL ?? "info@example.org",
      // Zeros, not a plausible number: an unconfigured invoice must not send money to someone real.
      orgNumber,
      vatNumber: env.ORG_VATNR ?? `SE${orgNumber.replace(/\D/g, "")}01`,
      bankgiro: env.ORG_BANKGIRO ?? "000-0000",
      signatory: { name: env.ORG_SIGNATORY ?? "", title: env.ORG_SIGNATORY_TITLE ?? "Certifieringsansvarig" },
      english: {
        description:
          env.ORG_DESCRIPTION_EN ??
          `${orgName} is a certification body that certifies persons and companies in the building and construction installation trades and in the motor trade, in areas both within and outside accreditation.`,
        accreditation: env.ORG_ACCREDITATION_EN ?? "Accredited certification body for the certification of persons and companies.",
        signatoryTitle: env.ORG_SIGNATORY_TITLE_EN ?? "Head of Certification",
      },
    },
  };
}

function parseRateLimit(raw: string): number {
  const perMinute = Number(raw);
  if (!Number.isInteger(perMinute) || perMinute < 0) throw new ConfigError(`PUBLIC_RATE_LIMIT must be a whole number of requests per minute (0 = no limit), not "${raw}"`);
  return perMinute;
}

function parseGrace(raw: string): number {
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new ConfigError(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds, not "${raw}"`);
  return ms;
}

function parseLogLevel(raw: string): LogLevel {
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${raw}"`);
  return level;
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${raw}"`);
  return port;
}
