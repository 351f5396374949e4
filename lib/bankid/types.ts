// Shapes of the BankID Relying Party API v6.0 (auth, sign, collect, cancel), shared by the
// client and the simulator so both speak exactly the same JSON.

/** What the RP may demand of the user's BankID (`requirement` in /auth and /sign). */
export type Requirement = {
  /** 12 digits, YYYYMMDDNNNN. In v6 this only restricts who may answer; it no longer starts the app. */
  personalNumber?: string;
  /** Demand the PIN even where the user has turned on biometrics. */
  pinCode?: boolean;
  /** Demand a scan of a Swedish passport or national ID card (step-up). */
  mrtd?: boolean;
  cardReader?: "class1" | "class2";
  certificatePolicies?: string[];
};

export type AuthInput = {
  /** The end user's IP address as the RP sees it. Required by BankID. */
  endUserIp: string;
  requirement?: Requirement;
  /** Base64 of UTF-8 text shown in the app; see `encodeUserVisibleData`. */
  userVisibleData?: string;
  userVisibleDataFormat?: "simpleMarkdownV1";
  /** Base64 data that is signed but not shown. */
  userNonVisibleData?: string;
  /** Where the app sends the user back to after a same-device flow. */
  returnUrl?: string;
  /** Ask for a risk indication in completionData. */
  returnRisk?: boolean;
};

/** Signing always shows the user what they sign, so the text is required. */
export type SignInput = AuthInput & { userVisibleData: string };

export type OrderStart = {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  /** Never send this to the browser: it is what makes the animated QR code unforgeable. */
  qrStartSecret: string;
};

export type PendingHintCode =
  | "outstandingTransaction"
  | "noClient"
  | "started"
  | "userMrtd"
  | "userCallConfirm"
  | "userSign";

export type FailedHintCode =
  | "expiredTransaction"
  | "certificateErr"
  | "userCancel"
  | "cancelled"
  | "startFailed"
  | "userDeclinedCall"
  | "notSupportedByUserApp"
  | "transactionRiskBlocked";

// BankID may add hint codes without notice, and RPs must cope; `string & {}` keeps
// autocompletion for the known ones while accepting new ones.
type Open<T extends string> = T | (string & {});

export type CompletionData = {
  user: { personalNumber: string; name: string; givenName: string; surname: string };
  device: { ipAddress: string; uhi?: string };
  /** YYYY-MM-DD */
  bankIdIssueDate: string;
  stepUp?: { mrtd: boolean };
  /** Base64 XML signature. */
  signature: string;
  /** Base64 OCSP response. */
  ocspResponse: string;
  risk?: "low" | "moderate" | "high";
};

// The `?: undefined` members let callers read `result.hintCode` or test
// `result.completionData` without narrowing first; `status` still discriminates.
export type CollectResult =
  | { orderRef: string; status: "pending"; hintCode: Open<PendingHintCode>; completionData?: undefined }
  | { orderRef: string; status: "failed"; hintCode: Open<FailedHintCode>; completionData?: undefined }
  | { orderRef: string; status: "complete"; completionData: CompletionData; hintCode?: undefined };

export interface BankIdClient {
  auth(input: AuthInput): Promise<OrderStart>;
  sign(input: SignInput): Promise<OrderStart>;
  collect(orderRef: string): Promise<CollectResult>;
  cancel(orderRef: string): Promise<void>;
}

/**
 * One POST to the RP API. `path` starts with "/rp/v6.0/". Resolves with whatever HTTP status
 * came back; rejects only when no HTTP answer was had (network, TLS, timeout).
 */
export type Transport = (path: string, body: unknown) => Promise<{ status: number; json: unknown }>;

/**
 * An error answer from BankID (`{ errorCode, details }` with a non-2xx status), or one of two
 * codes of our own: `requestFailed` (no answer: network, TLS handshake, timeout; httpStatus 0)
 * and `invalidResponse` (an answer we could not read).
 */
export class BankIdError extends Error {
  readonly errorCode: string;
  readonly details: string;
  readonly httpStatus: number;

  constructor(errorCode: string, details: string, httpStatus: number, options?: { cause?: unknown }) {
    super(`BankID ${errorCode}${details ? `: ${details}` : ""}`, options);
    this.name = "BankIdError";
    this.errorCode = errorCode;
    this.details = details;
    this.httpStatus = httpStatus;
  }
}
