import { sql } from "drizzle-orm";
import { blob, check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();

export const persons = sqliteTable(
  "persons",
  {
    id: text("id").primaryKey(),
    personnummer: text("personnummer").unique(),
    birthDate: text("birth_date"),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    email: text("email").notNull().unique(),
    mobile: text("mobile"),
    billingName: text("billing_name"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    postalCode: text("postal_code"),
    city: text("city"),
    country: text("country"),
    billingEmail: text("billing_email"),
    identityMethod: text("identity_method", { enum: ["bankid", "manual"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("persons_identity_method", sql`${t.identityMethod} in ('bankid', 'manual')`),
    check("persons_personnummer", sql`${t.personnummer} is null or length(${t.personnummer}) = 12`),
    check("persons_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  personId: text("person_id")
    .notNull()
    .unique()
    .references(() => persons.id),
  passwordHash: text("password_hash"),
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  /** The language the account chose (sv | en) for its pages and the mail it gets; null: not chosen. */
  language: text("language", { enum: ["sv", "en"] }),
  createdAt: createdAt(),
}, (t) => [check("users_language", sql`${t.language} is null or ${t.language} in ('sv', 'en')`)]);

export const ROLES = ["applicant", "reviewer", "decider", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check("user_roles_role", sql`${t.role} in ('applicant', 'reviewer', 'decider', 'admin')`),
  ],
);

/** Lucia-style sessions: the cookie holds `id.secret`; only SHA-256(secret) is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    method: text("method", { enum: ["password", "bankid"] }).notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** The e-mailed one-time code of a password login, bound to the browser that asked for it. */
export const loginChallenges = sqliteTable(
  "login_challenges",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    codeHash: blob("code_hash", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    sends: integer("sends").notNull().default(1),
    lastSentAt: integer("last_sent_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("login_challenges_user").on(t.userId)],
);

/** Single-use links: password reset and confirmation of a new e-mail address. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    id: text("id").primaryKey(),
    purpose: text("purpose", { enum: ["password_reset", "email_change"] }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    newEmail: text("new_email"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [check("email_tokens_purpose", sql`${t.purpose} in ('password_reset', 'email_change')`)],
);

/** A BankID order started by this site, bound to the browser that started it. */
export const bankidOrders = sqliteTable("bankid_orders", {
  id: text("id").primaryKey(),
  secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
  purpose: text("purpose", { enum: ["register", "login"] }).notNull(),
  orderRef: text("order_ref").notNull().unique(),
  autoStartToken: text("auto_start_token").notNull(),
  qrStartToken: text("qr_start_token").notNull(),
  qrStartSecret: text("qr_start_secret").notNull(),
  startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
  status: text("status", { enum: ["pending", "complete", "failed", "cancelled"] }).notNull(),
  hintCode: text("hint_code"),
  payload: text("payload", { mode: "json" }).$type<Record<string, string | null>>().notNull(),
  finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
});

/** Fixed-window counters; in the database so every process behind a load balancer shares them. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  count: integer("count").notNull(),
});
