/**
 * The one error vocabulary of the domain. `web/errors.tsx` maps each to a page, a 422 form
 * fragment or application/problem+json; modules throw these and never know about HTTP.
 */
import { t } from "./i18n/index.ts";
export class DomainError extends Error {
  readonly status: number = 500;
}

export class NotFound extends DomainError {
  override readonly status = 404;
  constructor(message = t("error.notFound")) {
    super(message);
  }
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  constructor(message = t("error.forbidden")) {
    super(message);
  }
}

export type FieldErrors = Record<string, string>;

export class Invalid extends DomainError {
  override readonly status = 422;
  constructor(
    readonly fields: FieldErrors,
    message = t("error.invalid"),
  ) {
    super(message);
  }
}

export class Conflict extends DomainError {
  override readonly status = 409;
}

export class TooManyRequests extends DomainError {
  override readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    message = t("error.tooMany"),
  ) {
    super(message);
  }
}
