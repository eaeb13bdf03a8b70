import { createServer } from 'node:net';
import { originSettings, type OriginName } from '../scenarios/origins.ts';

/**
 * Fails with a message that names the port and its variable when something already listens on it.
 * `npm start` checks every port before it starts anything, so a taken port stops it with one clear
 * line instead of a half-started playground.
 */
export async function assertPortFree(name: OriginName, host: string, port: number): Promise<void> {
  const { description, portVariable } = originSettings[name];
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      // A machine without IPv6 cannot have a conflict on ::1.
      if (host === '::1' && (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT')) {
        resolve();
      } else if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} (${description}) is already in use. Set ${portVariable} to a free port.`));
      } else {
        reject(
          new Error(
            `Cannot listen on ${host}:${port} (${description}): ${error.message}. Set ${portVariable} to another port.`,
          ),
        );
      }
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
