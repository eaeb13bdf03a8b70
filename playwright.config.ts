import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/chromium.ts';
import { e2eEnvironment, e2eOrigins } from './e2e/origins.ts';
import { recordsPath } from './scenarios/records.ts';
import { loadCertificate, spkiHash } from './server/https-certificate.ts';

const executablePath = chromiumExecutable();
const env = e2eEnvironment();
// Made here when missing, before the servers start, so the browser and the https server share it.
const certificate = await loadCertificate();

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two workers, each with its own browser. On a 2-core machine the suite is CPU-bound: 242 tests took
  // 4.7 min there.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: e2eOrigins.app,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          args: chromiumArgs(spkiHash(certificate.cert)),
          ...(executablePath !== undefined && { executablePath }),
        },
      },
    },
  ],
  webServer: [
    {
      command: 'npm run start:server',
      // The records endpoint returns 200 for any well-formed trace id, so it doubles as a health check.
      url: `${e2eOrigins.api}${recordsPath}/healthcheck`,
      env,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The built app, as a learner's browser would get it from a deployment: one script instead of the dev
      // server's hundred modules, which made every page load of the suite slower.
      command: 'npx vite build --mode e2e --logLevel error && npx vite preview --mode e2e',
      url: e2eOrigins.app,
      env,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
