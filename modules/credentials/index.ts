export { issuerDid, didDocument, didDocumentPath, issuerProfile, keyId } from "./issuer.ts";
export { certificateCredential, signCredential, downloadCredential, credentialId, type CredentialSource } from "./certificate-credential.ts";
export { signedStatusList, statusListUrl, parseStatusListUrl, statusEntryOf, readBit, encodeBitstring, isStatusPurpose, STATUS_PURPOSES, type StatusPurpose, type SignedStatusList } from "./status-list.ts";
export { verifyPresented, CHECK_LABELS, MAX_PRESENTED_LENGTH, type Verification, type Check, type CheckName, type Presented } from "./verify.ts";
export { ensureSigningKey, revokeSigningKey, rotateSigningKey } from "./signing-keys.ts";
