/**
 * The WebSocket server beside a scenario server, on the same port. It handles the handshakes of
 * scenarios whose request is a `websocket`: it accepts the connection, sends the route's body as one
 * message and closes, unless the variant's `websocket-origin-check` rejects the Origin with 403. Each
 * handshake with a trace id is recorded like any other request.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  findScenario,
  fillOrigins,
  variantNames,
  type OriginMap,
  type ServerName,
  type VariantName,
} from '../scenarios/index.ts';
import { traceParameter, tracePattern, type HeaderPair } from '../scenarios/records.ts';
import type { Log } from './log.ts';
import type { RecordStore } from './record-store.ts';

export interface WebSocketOptions {
  readonly server: ServerName;
  readonly origins: OriginMap;
  readonly store: RecordStore;
  readonly log: Log;
}

const scenarioPath = /^\/scenarios\/([a-z0-9-]+)\/([a-z]+)(\/.*)$/;

/** Handles the `upgrade` requests of `httpServer`, which reach no Hono route. */
export function attachWebSocketServer(httpServer: Server, { server, origins, store, log }: WebSocketOptions): void {
  const sockets = new WebSocketServer({ noServer: true });
  // ws emits the response headers of each accepted handshake with its request, just before it sends them.
  const onHeaders = new WeakMap<IncomingMessage, (lines: string[]) => void>();
  sockets.on('headers', (lines: string[], request: IncomingMessage) => onHeaders.get(request)?.(lines));

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://websocket.invalid');
    const [, id = '', variantName = '', path = ''] = scenarioPath.exec(url.pathname) ?? [];
    const scenario = findScenario(id);
    const variant = variantNames.includes(variantName as VariantName)
      ? scenario?.variants[variantName as VariantName]
      : undefined;
    if (variant === undefined || variant.request.initiator !== 'websocket' || variant.request.path !== path) {
      log(`[${server}] 404 WebSocket ${url.pathname}: no scenario variant opens a WebSocket at this path`);
      reject(
        socket,
        404,
        `No WebSocket at ${url.pathname}: expected /scenarios/<id>/<variant><path> of a WebSocket scenario.`,
      );
      return;
    }
    const trace = url.searchParams.get(traceParameter);
    if (trace !== null && !tracePattern.test(trace)) {
      reject(socket, 400, `Invalid trace id: expected 8 to 64 characters from A-Z, a-z, 0-9, '-' and '_'.`);
      return;
    }

    const record = (status: number, responseHeaders: HeaderPair[]) => {
      if (trace === null) return;
      store.add(trace, {
        server,
        sequence: store.nextSequence(trace),
        receivedAt: new Date().toISOString(),
        method: request.method ?? 'GET',
        url: url.pathname + url.search,
        requestHeaders: rawHeaderPairs(request.rawHeaders),
        status,
        responseHeaders,
      });
    };

    const check = variant.server.middleware.find((step) => step.kind === 'websocket-origin-check');
    const origin = request.headers.origin;
    const allowed = check?.origin.map((template) => fillOrigins(template, origins));
    if (allowed !== undefined && (origin === undefined || !allowed.includes(origin))) {
      log(`[${server}] 403 WebSocket ${url.pathname}: Origin ${origin ?? '(none)'} is not allowed`);
      record(403, [['content-type', 'text/plain; charset=utf-8']]);
      reject(socket, 403, 'Origin not allowed');
      return;
    }

    onHeaders.set(request, (lines) => record(101, headerLinePairs(lines.slice(1))));
    sockets.handleUpgrade(request, socket, head, (connection) => {
      connection.send(JSON.stringify(variant.server.response.body));
      connection.close(1000, 'Sent the one message this scenario has');
    });
  });
}

/** Rejects a handshake with a plain HTTP error response, which a browser reports as a failed WebSocket connection. */
function reject(socket: Duplex, status: 400 | 403 | 404, message: string): void {
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status];
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function rawHeaderPairs(raw: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) pairs.push([raw[index]!.toLowerCase(), raw[index + 1]!]);
  return pairs;
}

/** Parses the `Name: value` lines that `ws` writes after the status line. */
function headerLinePairs(lines: readonly string[]): HeaderPair[] {
  return lines.flatMap((line) => {
    const colon = line.indexOf(':');
    return colon === -1 ? [] : [[line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const];
  });
}
