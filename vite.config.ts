/**
 * Vite serves the learner's app. The origins of the app and the servers come from the port variables,
 * and reach the client through `define`.
 */
import { createServer } from 'node:net';

import { defineConfig, type Plugin } from 'vite';

import { originSettings, originsFromPorts, portsFromEnv, type OriginMap } from './scenarios/origins.ts';

/** Loopback only by default, as for the playground's servers, so that other machines cannot reach the app. */
const defaultHost = '127.0.0.1';

export default defineConfig(async ({ command, mode }) => {
  const ports = portsFromEnv(process.env);
  const origins = originsFromPorts(ports);
  const host = process.env.CORS_PLAYGROUND_HOST || defaultHost;
  const server = { host, port: ports.app, strictPort: true };

  // Vitest also loads this file with command 'serve', but opens no port.
  if (command === 'serve' && process.env.VITEST === undefined) {
    await ensurePortIsFree(host, ports.app);
    // Chromium may try ::1 first for localhost, so a server listening there would receive the page's requests.
    if (host === defaultHost) await ensurePortIsFree('::1', ports.app, { skipIfNoIpv6: true });
  }

  return {
    // The e2e suite runs its own dev server beside `npm start`'s, so each keeps its own dependency cache.
    ...(mode === 'e2e' && { cacheDir: 'node_modules/.vite-e2e' }),
    define: { __CORS_PLAYGROUND_ORIGINS__: JSON.stringify(origins) },
    server,
    preview: server,
    plugins: [announceReady(origins)],
  };
});

/**
 * Fails with a message that names the port and its variable when something already listens on it.
 * Vite's own `strictPort` error does not say which variable to change.
 */
async function ensurePortIsFree(host: string, port: number, { skipIfNoIpv6 = false } = {}): Promise<void> {
  const { description, portVariable } = originSettings.app;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (skipIfNoIpv6 && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) {
        resolve();
      } else if (error.code === 'EADDRINUSE') {
        reject(messageOnly(`Port ${port} (${description}) is already in use. Set ${portVariable} to a free port.`));
      } else {
        reject(
          messageOnly(
            `Cannot listen on ${host}:${port} (${description}): ${error.message}. Set ${portVariable} to another port.`,
          ),
        );
      }
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Creates an error without stack frames, because Vite prints the stack and these frames are in its config bundle. */
function messageOnly(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/**
 * Prints where to open the app once Vite listens. The page must be opened at its `localhost` origin,
 * because the servers' allowlists name that origin and not 127.0.0.1.
 */
function announceReady(origins: OriginMap): Plugin {
  const line = `cors-playground is ready: open ${origins.app}/`;
  return {
    name: 'cors-playground:announce-ready',
    configureServer(server) {
      server.httpServer?.once('listening', () => server.config.logger.info(line));
      // Vite's own list names http://127.0.0.1:<port>/, an origin that no server's allowlist accepts.
      server.printUrls = () => {};
    },
    configurePreviewServer(server) {
      server.httpServer.once('listening', () => server.config.logger.info(line));
      server.printUrls = () => {};
    },
  };
}
