import { describe, expect, it } from 'vitest';

import { runnerPath, runnerScriptPath } from '../scenarios/runner-protocol.ts';
import { createTestServers, testOrigins } from './test-servers.ts';

describe('runner page', () => {
  const { apps, attacker } = createTestServers();

  it('lets only the app frame it', async () => {
    const response = await attacker.request(`${testOrigins.attacker}${runnerPath}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(`frame-ancestors ${testOrigins.app}`);
    const html = await response.text();
    expect(html).toContain(`<script src="${runnerScriptPath}" data-app-origin="${testOrigins.app}"></script>`);
  });

  it('is served by every scenario server too', async () => {
    for (const app of [apps.api, apps.partner]) {
      expect((await app.request(runnerPath)).status).toBe(200);
    }
  });

  it('names the unknown scenario of a variant page', async () => {
    const response = await apps.api.request(`${runnerPath}/no-such-scenario/broken`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error:
        'No runner page for scenario "no-such-scenario" and variant "broken": expected a catalog id and one of broken, fixed.',
    });
  });

  it('serves its script as a classic script that any page may load', async () => {
    const response = await attacker.request(runnerScriptPath);

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    const script = await response.text();
    // An IIFE bundle: no import statement that would need a module script.
    expect(script).not.toMatch(/^\s*import\s/m);
    expect(script).toContain('cors-playground:ready');
  });
});
