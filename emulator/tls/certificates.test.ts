import { X509Certificate, generateKeyPairSync } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { connect, createServer } from "node:tls";
import forge from "node-forge";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureTlsMaterial, tlsFilesIn } from "./certificates.js";

const DAY_MS = 86_400_000;

describe("the emulator's local certificate authority", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "gallerist-tls-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates a CA and a server certificate for the loopback names, signed by it", () => {
    const material = ensureTlsMaterial(dataDir);
    const ca = new X509Certificate(readFileSync(material.files.caCertPath));
    const server = new X509Certificate(readFileSync(material.files.serverCertPath));

    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.issuer).toBe(ca.subject);
    expect(server.checkHost("localhost")).toBe("localhost");
    expect(server.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(server.checkIP("::1")).toBe("::1");
    expect(server.checkHost("example.com")).toBeUndefined();
    expect(server.keyUsage).toContain("1.3.6.1.5.5.7.3.1"); // serverAuth
    expect(new X509Certificate(material.cert).fingerprint256).toBe(server.fingerprint256);
  });

  it("keeps the private keys readable by their owner only", () => {
    const { files } = ensureTlsMaterial(dataDir);
    for (const path of [files.caKeyPath, files.serverKeyPath]) {
      expect(readFileSync(path, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    }
    expect(statSync(files.caKeyPath).mode & 0o077).toBe(0);
    expect(statSync(files.serverKeyPath).mode & 0o077).toBe(0);
  });

  it("reuses both certificates on the next start, so clients keep trusting the CA", () => {
    const first = ensureTlsMaterial(dataDir);
    const second = ensureTlsMaterial(dataDir);
    expect(second.ca).toBe(first.ca);
    expect(second.cert).toBe(first.cert);
    expect(second.key).toBe(first.key);
  });

  it("reissues a server certificate near expiry from the same CA", () => {
    const first = ensureTlsMaterial(dataDir);
    const later = ensureTlsMaterial(dataDir, new Date(Date.now() + 380 * DAY_MS));
    expect(later.ca).toBe(first.ca);
    expect(later.cert).not.toBe(first.cert);
    const server = new X509Certificate(readFileSync(later.files.serverCertPath));
    expect(server.verify(new X509Certificate(later.ca).publicKey)).toBe(true);
    expect(new Date(server.validTo).getTime()).toBeGreaterThan(Date.now() + 700 * DAY_MS);
  });

  it("replaces a server certificate that the CA did not sign", () => {
    const first = ensureTlsMaterial(dataDir);
    const other = mkdtempSync(join(tmpdir(), "gallerist-tls-other-"));
    try {
      const foreign = ensureTlsMaterial(other);
      writeFileSync(tlsFilesIn(dataDir).serverCertPath, readFileSync(foreign.files.serverCertPath));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    const repaired = ensureTlsMaterial(dataDir);
    const server = new X509Certificate(readFileSync(repaired.files.serverCertPath));
    expect(server.verify(new X509Certificate(first.ca).publicKey)).toBe(true);
  });

  it("vouches for no name beyond its own: a certificate it signs for another host is rejected", async () => {
    const material = ensureTlsMaterial(dataDir);
    const caKey = forge.pki.privateKeyFromPem(readFileSync(material.files.caKeyPath, "utf8"));
    const caCert = forge.pki.certificateFromPem(material.ca);
    const { privateKey, publicKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    const rogue = forge.pki.createCertificate();
    rogue.publicKey = forge.pki.publicKeyFromPem(publicKey);
    rogue.serialNumber = "01";
    rogue.validity.notBefore = new Date(Date.now() - DAY_MS);
    rogue.validity.notAfter = new Date(Date.now() + DAY_MS);
    rogue.setSubject([{ name: "commonName", value: "example.com" }]);
    rogue.setIssuer(caCert.subject.attributes);
    rogue.setExtensions([{ name: "subjectAltName", altNames: [{ type: 2, value: "example.com" }] }]);
    rogue.sign(caKey, forge.md.sha256.create());

    const server = createServer({ key: privateKey, cert: forge.pki.certificateToPem(rogue) }, (s) => s.end());
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const client = connect({ host: "127.0.0.1", port, servername: "example.com", ca: material.ca });
      const [error] = (await once(client, "error")) as [NodeJS.ErrnoException];
      expect(error.message).toBe("permitted subtree violation");
    } finally {
      server.close();
    }
  });

  it("names its files by absolute path, for the environment variables clients read", () => {
    expect(tlsFilesIn("relative/data").caCertPath).toBe(join(process.cwd(), "relative/data/tls/ca.pem"));
  });
});
