import { request as httpsRequest } from 'node:https';
import { nullBodyStatuses } from '../scenarios/case/schema.ts';

/**
 * Sends `request` over https, trusting `certificate` and checking it against `servername`, the origin's
 * host name, because the URL names the loopback address. Node's fetch() has no option for a trusted
 * certificate unless given an Agent from the undici package, so this goes through node:https.
 */
export async function fetchOverTls(request: Request, certificate: string, servername: string): Promise<Response> {
  const url = new URL(request.url);
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        ca: certificate,
        servername,
        signal: request.signal,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers = new Headers();
          for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
            headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
          }
          const status = incoming.statusCode ?? 502;
          resolve(
            new Response(nullBodyStatuses.has(status) ? null : Buffer.concat(chunks), {
              status,
              statusText: incoming.statusMessage ?? '',
              headers,
            }),
          );
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
