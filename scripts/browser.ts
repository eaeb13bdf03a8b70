/**
 * Opens Chromium with the flags that the mixed-content and Local Network Access scenarios need, in a
 * profile of its own that is deleted on exit, so the learner's everyday profile keeps its settings:
 *
 *   --host-resolver-rules=MAP *.test 127.0.0.1   app.test and api.test reach this machine, yet are not
 *                                                 loopback names, which browsers treat as secure
 *   --ignore-certificate-errors-spki-list=<hash>  accept the playground's certificate, and no other
 *
 * Run it after `npm start`: `npm run browser`. CHROMIUM_PATH picks another Chromium than /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { originsFromPorts, portsFromEnv } from '../scenarios/origins.ts';
import { loadCertificate, spkiHash } from '../server/https-certificate.ts';

async function main(): Promise<number> {
  const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executable)) {
    console.error(
      `No Chromium at ${executable}. Install Debian's (apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.`,
    );
    return 1;
  }
  let origins;
  try {
    origins = originsFromPorts(portsFromEnv(process.env));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }

  const certificate = await loadCertificate();
  const profile = mkdtempSync(join(tmpdir(), 'cors-playground-chromium-'));
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--host-resolver-rules=MAP *.test 127.0.0.1',
    `--ignore-certificate-errors-spki-list=${spkiHash(certificate.cert)}`,
    `${origins.app}/`,
  ];
  console.log(`Starting ${executable} with a new profile in ${profile}:`);
  for (const arg of args) console.log(`  ${arg}`);
  console.log('The profile is deleted when Chromium exits. Close the window to stop.');

  const child = spawn(executable, args, { stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(`Failed to start ${executable}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (exitCode) => resolve(exitCode ?? 0));
  });
  rmSync(profile, { recursive: true, force: true });
  return code;
}

process.exitCode = await main();
