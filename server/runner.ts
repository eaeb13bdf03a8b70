/**
 * The runner: a page that sends one request when the app page posts it one, so that a scenario can send
 * its request from another origin than the app's (an attacker's site, a page with its own
 * Content-Security-Policy, a sandboxed iframe with origin `null`). Every playground server serves it,
 * under any host name that reaches it, so the page can sit on any origin that a catalog row names.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { findScenario, fillOrigins, variantNames, type OriginMap, type VariantName } from '../scenarios/index.ts';
import { runnerPath, runnerScriptPath } from '../scenarios/runner-protocol.ts';
import { playgroundError, quote } from './playground-error.ts';

const entryPoint = fileURLToPath(new URL('../client/runner/main.ts', import.meta.url));

let bundle: Promise<string> | undefined;

/**
 * Bundles the runner's script once per process. It is a classic script, not a module, so that pages
 * on any origin, `null` included, can load it without CORS.
 */
export function runnerScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/**
 * Builds the runner page's HTML. The script accepts requests from the app page at `appOrigin` only. With `inline`,
 * the page carries the script's text in place of loading it from `scriptUrl`.
 */
export function runnerPage(scriptUrl: string, appOrigin: string, inline?: string): string {
  // The bundle contains no "</script", which would end the element early.
  const script =
    inline === undefined
      ? `<script src="${escapeHtml(scriptUrl)}" data-app-origin="${escapeHtml(appOrigin)}"></script>`
      : `<script data-app-origin="${escapeHtml(appOrigin)}">${inline}</script>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cors-playground runner</title></head>
<body>
<p>This page sends one request for the cors-playground app at ${escapeHtml(appOrigin)}.</p>
${script}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Mounts the runner page and its script. */
export function createRunnerApp(origins: OriginMap): Hono {
  const app = new Hono();

  app.get(runnerScriptPath, async (c) => {
    const script = await runnerScript();
    return c.body(script, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      // A page that requires CORP, as a Cross-Origin-Embedder-Policy page does, may still load the runner.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'no-cache',
    });
  });

  const page = async (pageHeaders: Readonly<Record<string, string>>) => {
    const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    for (const [name, value] of Object.entries(pageHeaders)) headers.append(name, value);
    // Only the app may frame the runner: another site that framed it could make it send requests from the
    // playground's origins and read the responses. A row's own Content-Security-Policy still applies, because
    // a browser enforces every policy it receives.
    headers.append('Content-Security-Policy', `frame-ancestors ${origins.app}`);
    // A page that treat-as-public-address makes public, on an origin that is no secure context, may not load
    // even its own script from a loopback server (Local Network Access), so it gets the script inline.
    const csp = Object.entries(pageHeaders).find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
    const inline = csp?.includes('treat-as-public-address') === true ? await runnerScript() : undefined;
    return new Response(runnerPage(runnerScriptPath, origins.app, inline), { headers });
  };

  app.get(runnerPath, () => page({}));

  app.get(`${runnerPath}/:id/:variant`, (c) => {
    const id = c.req.param('id');
    const variant = c.req.param('variant');
    const scenario = findScenario(id);
    if (scenario === undefined || !variantNames.includes(variant as VariantName)) {
      return playgroundError(c, 404, {
        error: `No runner page for scenario ${quote(id)} and variant ${quote(variant)}: expected a catalog id and one of ${variantNames.join(', ')}.`,
        appOrigin: origins.app,
      });
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(scenario.variants[variant as VariantName].server.pageHeaders)) {
      headers[name] = fillOrigins(value, origins);
    }
    return page(headers);
  });

  return app;
}
