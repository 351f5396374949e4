// For tests only: a throwaway PKI made with the openssl CLI, shaped like BankID's: a CA that
// issued both the server certificate and the RP's client certificate.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestPki = {
  ca: string;
  server: { cert: string; key: string };
  client: { cert: string; key: string };
  /** The client key again, encrypted with `passphrase`. */
  encryptedClientKey: string;
  passphrase: string;
  /** A client certificate from another CA, which the server must refuse. */
  strangerClient: { cert: string; key: string };
  /** A CA that did not issue the server certificate, for a client that must refuse the server. */
  otherCa: string;
  remove(): void;
};

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), "bankid-pki-"));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  const ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

  const makeCa = (name: string) => openssl("req", "-x509", ...ecKey, "-keyout", `${name}.key`, "-out", `${name}.crt`, "-days", "2", "-subj", `/CN=${name}`);
  const issue = (name: string, ca: string, cn: string, extensions: string) => {
    writeFileSync(file(`${name}.ext`), extensions);
    openssl("req", ...ecKey, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`);
    openssl("x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.crt`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-out", `${name}.crt`, "-days", "2", "-extfile", `${name}.ext`);
  };

  makeCa("test-ca");
  makeCa("other-ca");
  issue("server", "test-ca", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  issue("client", "test-ca", "certportal RP", "extendedKeyUsage=clientAuth\n");
  issue("stranger", "other-ca", "stranger RP", "extendedKeyUsage=clientAuth\n");
  const passphrase = "test-passphrase";
  openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "client.key", "-out", "client-encrypted.key", "-passout", `pass:${passphrase}`);

  const read = (name: string) => readFileSync(file(name), "utf8");
  return {
    ca: read("test-ca.crt"),
    server: { cert: read("server.crt"), key: read("server.key") },
    client: { cert: read("client.crt"), key: read("client.key") },
    encryptedClientKey: read("client-encrypted.key"),
    passphrase,
    strangerClient: { cert: read("stranger.crt"), key: read("stranger.key") },
    otherCa: read("other-ca.crt"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
