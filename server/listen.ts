import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TlsCredentials } from './https-certificate.ts';
import { originSettings, type OriginName } from '../scenarios/origins.ts';

/**
 * Starts listening, turning the usual startup failures into a message that names the port and
 * the environment variable that changes it. With `tls`, the server speaks https.
 */
export function listen(app: Hono, name: OriginName, host: string, port: number, tls?: TlsCredentials): Promise<Server> {
  const server = (
    tls === undefined
      ? createAdaptorServer({ fetch: app.fetch })
      : createAdaptorServer({ fetch: app.fetch, createServer: createHttpsServer, serverOptions: tls })
  ) as Server;
  const setting = originSettings[name];
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(startupFailure(error, setting.description, setting.portVariable, host, port)));
    });
    server.listen(port, host, () => resolve(server));
  });
}

function startupFailure(
  error: NodeJS.ErrnoException,
  description: string,
  portVariable: string,
  host: string,
  port: number,
): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} (${description}) is already in use. Set ${portVariable} to a free port.`;
    case 'EACCES':
      return `Not allowed to listen on port ${port} (${description}). Set ${portVariable} to a port above 1023.`;
    default:
      return `Failed to listen on ${host}:${port} (${description}): ${error.message}`;
  }
}
