import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCertificate } from './https-certificate.ts';
import { fetchOverTls } from './replay-over-tls.ts';

describe('fetchOverTls', () => {
  let server: Server;
  let base: string;
  let certificate: string;

  beforeAll(async () => {
    const tls = await loadCertificate();
    certificate = tls.cert;
    server = createServer(tls, (request, response) => {
      if (request.url === '/empty') {
        response.writeHead(204).end();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.setHeader('Set-Cookie', ['a=1', 'b=2']);
        response.writeHead(201, 'Made', { 'Content-Type': 'text/plain' });
        response.end(
          `${request.method} ${request.url} ${String(request.headers['x-test'])} ${Buffer.concat(chunks).toString()}`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends method, headers and body, and returns the response', async () => {
    const request = new Request(`${base}/path?q=1`, { method: 'POST', headers: { 'X-Test': 'yes' }, body: 'hi' });

    const response = await fetchOverTls(request, certificate, 'api.test');

    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('POST /path?q=1 yes hi');
  });

  it('returns a 204 without a body', async () => {
    const response = await fetchOverTls(new Request(`${base}/empty`), certificate, 'api.test');

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('rejects a host name the certificate does not name', async () => {
    await expect(fetchOverTls(new Request(`${base}/`), certificate, 'elsewhere.test')).rejects.toThrow(
      /does not match certificate's altnames/,
    );
  });
});
