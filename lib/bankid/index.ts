// The BankID client and what goes with it. The simulator is not exported here on purpose:
// import it from ./simulator.ts, only where NODE_ENV is not production.
export * from "./types.ts";
export {
  autoStartUrl,
  BANKID_APP_URL,
  createBankIdClient,
  encodeUserVisibleData,
  fetchTransport,
  httpsTransport,
  RP_API_PATH,
  type FetchLike,
  type HttpsTransportOptions,
} from "./client.ts";
export { parseQrData, qrData, verifyQrData, type ParsedQrData, type QrCheck } from "./qr.ts";
