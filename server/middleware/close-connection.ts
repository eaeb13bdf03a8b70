import type { MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { connectionClosedStatus } from '../../scenarios/closed-connection.ts';

/**
 * Closes the connection without sending a response, as a process that crashes mid-request or a proxy
 * that gives up on its upstream does. The browser gets no status line at all, so Chromium reports
 * `net::ERR_EMPTY_RESPONSE`, and no CORS check ever runs.
 */
// NOTE: Chromium sends the request again, once, when the closed connection had carried an earlier response.
// The playground's own endpoints close their connections to avoid that, but a scenario's response in the
// last 5 s (Node's keep-alive timeout) still leaves one open, and the records then show two requests.
export function closeConnection(): MiddlewareHandler {
  // Returns a promise, as Hono's handlers do, without awaiting anything.
  return function closeConnection(c) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    // Destroying the socket before the handler returns means no byte of the response below is written.
    incoming?.socket.destroy();
    // The records keep this status, which marks the request as one that got no response.
    return Promise.resolve(new Response(null, { status: connectionClosedStatus }));
  };
}
