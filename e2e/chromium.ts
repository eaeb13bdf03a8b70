import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Finds the Chromium to test with: `CHROMIUM_PATH`, then Debian's `/usr/bin/chromium`, then
 * Playwright's own download. Throws when none exists, so that no test is skipped for want of one.
 */
export function chromiumExecutable(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is set to '${configured}', but no file exists there. Point it at a Chromium binary.`,
      );
    }
    return configured;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium found for the e2e suite. Install one of: Debian's package (apt-get install chromium), " +
      "Playwright's build (npx playwright install chromium), or set CHROMIUM_PATH to a Chromium binary.",
  );
}

/**
 * Flags for a Chromium that starts quickly and quietly in a test run. `spkiHash` is the hash of the
 * playground's certificate, which Chromium then accepts for the https origin.
 */
export function chromiumArgs(spkiHash?: string): string[] {
  const args = [
    // Without these, Chromium's background services try to reach Google's hosts at every start.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // Chromium 156 gives a sandboxed iframe a process of its own. Under load, the DevTools issue of such a
    // frame's request then reached no session attached to that frame, not even replayed by a later
    // `Audits.enable`. In its parent's process, the page's own session reports it. Which process runs the
    // frame changes nothing that its page or the server sees.
    '--disable-features=IsolateSandboxedIframes',
    // Names under .test resolve to loopback, as a workshop's DNS would, yet count as names that are not
    // loopback, so a page at http://api.test:<port> is no secure context (lna-insecure-context).
    '--host-resolver-rules=MAP *.test 127.0.0.1',
    // Only for the certificate with this public key, so any other certificate error still fails.
    ...(spkiHash === undefined ? [] : [`--ignore-certificate-errors-spki-list=${spkiHash}`]),
  ];
  // Chromium refuses to start its sandbox as root, as in CI containers.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}
