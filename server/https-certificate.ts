/**
 * The playground's TLS certificate for its https origin. It is made on first use with the `selfsigned`
 * package and kept in node_modules/.cache, so every process (the servers, the e2e suite, `npm run browser`)
 * reads the same one. No browser trusts it: Chromium is told to accept it by the hash of its public key.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

/** The names the certificate is valid for: the https page and API under .test names, and localhost. */
export const certificateHosts = ['app.test', 'api.test', 'localhost'] as const;

const cacheDirectory = fileURLToPath(new URL('../node_modules/.cache/cors-playground-tls/', import.meta.url));

export interface TlsCredentials {
  /** PEM private key. */
  readonly key: string;
  /** PEM certificate. */
  readonly cert: string;
}

/** Reads the certificate, making it first when none exists yet. */
export async function loadCertificate(directory: string = cacheDirectory): Promise<TlsCredentials> {
  const keyPath = `${directory}/key.pem`;
  const certPath = `${directory}/cert.pem`;
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    const made = await generate([{ name: 'commonName', value: 'cors-playground' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'subjectAltName', altNames: certificateHosts.map((value) => ({ type: 2 as const, value })) },
      ],
    });
    mkdirSync(directory, { recursive: true });
    // Written aside and renamed, so a process that starts at the same time reads a whole pair or none.
    const suffix = `${process.pid}.tmp`;
    writeFileSync(`${keyPath}.${suffix}`, made.private, { mode: 0o600 });
    writeFileSync(`${certPath}.${suffix}`, made.cert);
    renameSync(`${keyPath}.${suffix}`, keyPath);
    renameSync(`${certPath}.${suffix}`, certPath);
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}

/**
 * Returns the base64 SHA-256 hash of the certificate's public key (its SPKI), the form Chromium's
 * --ignore-certificate-errors-spki-list flag takes.
 */
export function spkiHash(cert: string): string {
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
