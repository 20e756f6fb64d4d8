import { X509Certificate, generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import forge from "node-forge";
import { INSTANCE_DISCOVERY_HOST } from "./connectProxy.js";

/**
 * The names the server certificate covers: the loopback names the emulator binds, and the host msal-python
 * sends instance discovery to, which reaches the emulator only through its CONNECT tunnel (connectProxy.ts).
 */
export const SERVER_DNS_NAMES = ["localhost", INSTANCE_DISCOVERY_HOST] as const;
export const SERVER_IP_ADDRESSES = ["127.0.0.1", "::1"] as const;

const CA_LIFETIME_DAYS = 3650;
/** Browsers and Apple's TLS stack reject leaf certificates valid longer than 398 days. */
const SERVER_LIFETIME_DAYS = 397;
/** A server certificate this close to expiry is replaced at start, so a long-lived data dir keeps working. */
const RENEW_BEFORE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface TlsFiles {
  /** The local certificate authority, PEM: what REQUESTS_CA_BUNDLE / NODE_EXTRA_CA_CERTS point at. */
  caCertPath: string;
  caKeyPath: string;
  serverCertPath: string;
  serverKeyPath: string;
}

export interface TlsMaterial {
  files: TlsFiles;
  /** PEM of the server certificate followed by the CA, as `tls.createServer` takes it. */
  cert: string;
  key: string;
  ca: string;
}

export function tlsFilesIn(dataDir: string): TlsFiles {
  const dir = resolve(dataDir, "tls");
  return {
    caCertPath: join(dir, "ca.pem"),
    caKeyPath: join(dir, "ca-key.pem"),
    serverCertPath: join(dir, "server.pem"),
    serverKeyPath: join(dir, "server-key.pem"),
  };
}

/**
 * The emulator's certificate authority and its server certificate for localhost, 127.0.0.1 and ::1, kept in
 * `<dataDir>/tls/`. Created on first use; the CA is kept for good (clients were told to trust it), the server
 * certificate is reissued from it when missing, near expiry, or not covering the loopback names.
 */
export function ensureTlsMaterial(dataDir: string, now: Date = new Date()): TlsMaterial {
  const files = tlsFilesIn(dataDir);
  mkdirSync(join(dataDir, "tls"), { recursive: true, mode: 0o700 });

  if (!existsSync(files.caCertPath) || !existsSync(files.caKeyPath)) {
    const ca = createCertificateAuthority(now);
    writeFileSync(files.caKeyPath, ca.key, { mode: 0o600 });
    writeFileSync(files.caCertPath, ca.cert);
  }
  const ca = { cert: readFileSync(files.caCertPath, "utf8"), key: readFileSync(files.caKeyPath, "utf8") };

  if (!serverCertificateUsable(files, ca.cert, now)) {
    const server = issueServerCertificate(ca, now);
    writeFileSync(files.serverKeyPath, server.key, { mode: 0o600 });
    writeFileSync(files.serverCertPath, server.cert);
  }
  return {
    files,
    cert: readFileSync(files.serverCertPath, "utf8") + ca.cert,
    key: readFileSync(files.serverKeyPath, "utf8"),
    ca: ca.cert,
  };
}

function serverCertificateUsable(files: TlsFiles, caPem: string, now: Date): boolean {
  if (!existsSync(files.serverCertPath) || !existsSync(files.serverKeyPath)) return false;
  try {
    const cert = new X509Certificate(readFileSync(files.serverCertPath));
    const ca = new X509Certificate(caPem);
    return (
      cert.verify(ca.publicKey) &&
      new Date(cert.validTo).getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS &&
      SERVER_DNS_NAMES.every((name) => cert.checkHost(name) !== undefined) &&
      SERVER_IP_ADDRESSES.every((ip) => cert.checkIP(ip) !== undefined)
    );
  } catch {
    return false;
  }
}

/** RSA keys from Node's native generator (forge's pure-JS one takes seconds), converted for forge to sign with. */
function newKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    privateKeyPem: privateKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

/** A positive serial number of 16 random bytes, as RFC 5280 asks (no leading sign bit). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString("hex");
}

function createCertificateAuthority(now: Date): { cert: string; key: string } {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + CA_LIFETIME_DAYS * DAY_MS);
  const subject = [
    { name: "commonName", value: `Gallerist Emulator Local CA ${cert.serialNumber.slice(0, 8)}` },
    { name: "organizationName", value: "Gallerist Emulator" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  // Python 3.13's default VERIFY_X509_STRICT requires a critical keyUsage and key identifiers on the CA.
  cert.setExtensions([
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { id: "2.5.29.30", name: "nameConstraints", value: permittedNames(), critical: true },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.privateKeyPem };
}

/**
 * RFC 5280 name constraints: whatever its key signs, the CA vouches only for the server certificate's names, so
 * trusting it (even in a system store) cannot make any other site trusted.
 */
function permittedNames(): forge.asn1.Asn1 {
  const { asn1 } = forge;
  const subtree = (tag: number, value: string) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, value),
    ]);
  const bytes = (...octets: number[]) => String.fromCharCode(...octets);
  const DNS_NAME = 2;
  const IP_ADDRESS = 7;
  const permitted = [
    ...SERVER_DNS_NAMES.map((name) => subtree(DNS_NAME, name)),
    subtree(IP_ADDRESS, bytes(127, 0, 0, 0, 255, 0, 0, 0)),
    subtree(IP_ADDRESS, bytes(...new Array<number>(15).fill(0), 1, ...new Array<number>(16).fill(255))),
  ];
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, permitted),
  ]);
}

function issueServerCertificate(ca: { cert: string; key: string }, now: Date): { cert: string; key: string } {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + SERVER_LIFETIME_DAYS * DAY_MS);
  cert.setSubject([{ name: "commonName", value: "localhost" }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      altNames: [
        ...SERVER_DNS_NAMES.map((value) => ({ type: 2, value })),
        ...SERVER_IP_ADDRESSES.map((ip) => ({ type: 7, ip })),
      ],
    },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.privateKeyPem };
}
