export { enqueueMail, queueMail, MAX_ATTEMPTS, REDACTED, type OutboxSender, type StoredAttachment } from "./outbox.ts";
export { countOutbox, listOutbox, retryAllFailed, retryMail, LIST_LIMIT, OUTBOX_VIEWS, type OutboxCounts, type OutboxRow, type OutboxView } from "./admin.ts";
export { isSecretKind, mailKindLabel } from "./kinds.ts";
export { canOperateMail } from "./policy.ts";
