/**
 * Vite serves the learner's app. The origins of the app and the servers come from the port variables,
 * and reach the client through `define`.
 */
import { defineConfig, type Plugin } from 'vite';

import { listenAddress, networkFromEnv } from './scenarios/network.ts';
import { originsFromPorts, portsFromEnv, type OriginMap } from './scenarios/origins.ts';
import { assertPortFree } from './server/port-check.ts';

export default defineConfig(async ({ command, mode }) => {
  const ports = portsFromEnv(process.env);
  const network = networkFromEnv(process.env);
  const origins = originsFromPorts(ports, network);
  const host = listenAddress(network, 'app');
  const server = { host, port: ports.app, strictPort: true };

  // Vitest also loads this file with command 'serve', but opens no port.
  if (command === 'serve' && process.env.VITEST === undefined) {
    try {
      await assertPortFree('app', host, ports.app);
      // Chromium may try ::1 first for localhost, so a server listening there would receive the page's requests.
      if (network.kind === 'loopback') await assertPortFree('app', '::1', ports.app);
    } catch (error) {
      throw messageOnly(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    // The e2e suite serves a build of the app, and its workshop test and the demo run a dev server beside
    // `npm start`'s. Vite refuses a second dev server on one dependency cache, so each address and app port
    // gets its own cache, and its own build directory, because the build contains the origins.
    ...(mode === 'e2e' && {
      cacheDir: `node_modules/.vite-e2e-${host}-${ports.app}`,
      build: { outDir: `node_modules/.cors-playground-e2e-app/${host}-${ports.app}` },
    }),
    define: { __CORS_PLAYGROUND_ORIGINS__: JSON.stringify(origins) },
    // A source file saved during an e2e run must not reload the pages under test.
    server: mode === 'e2e' ? { ...server, hmr: false, watch: null } : server,
    preview: server,
    plugins: [announceReady(origins)],
  };
});

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
