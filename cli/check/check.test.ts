import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { startLabServers, type LabServers } from '../run/lab-servers.ts';
import { captureIo } from '../test-io.ts';

let servers: LabServers;

beforeAll(async () => {
  servers = await startLabServers(() => {});
});

afterAll(async () => {
  await servers.close();
});

/** A catalog variant's URL on the started API server, whose policy is known to pass or fail. */
function variantUrl(id: string, variant: 'broken' | 'fixed', path: string): string {
  return `${servers.origins.api}/scenarios/${id}/${variant}${path}`;
}

async function check(...args: string[]) {
  const io = captureIo();
  const code = await main(['check', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('cors-playground check', { timeout: 30_000 }, () => {
  it('passes a response that allows the origin', async () => {
    const result = await check(variantUrl('missing-allow-origin', 'fixed', '/data'), '--origin', servers.origins.app);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Verdict: allowed');
  });

  it('fails a response without Allow-Origin', async () => {
    const result = await check(variantUrl('missing-allow-origin', 'broken', '/data'), '--origin', servers.origins.app);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Verdict: blocked by CORS at the response (MissingAllowOriginHeader)');
    expect(result.stdout).toContain(`Fix: `);
    expect(result.stdout).toContain(`Add Access-Control-Allow-Origin: ${servers.origins.app}`);
  });

  it('sends the preflight a PUT needs', async () => {
    const url = variantUrl('method-not-allowed', 'broken', '/orders/42');

    const result = await check(
      url,
      '--origin',
      servers.origins.app,
      '--method',
      'PUT',
      '--body',
      'status=shipped',
      '--json',
    );
    const json = JSON.parse(result.stdout) as {
      exchanges: { role: string; method: string; status: number }[];
      outcome: { corsError: string };
    };

    expect(result.code).toBe(1);
    expect(json.exchanges.map(({ role, method, status }) => [role, method, status])).toEqual([
      ['preflight', 'OPTIONS', 204],
    ]);
    expect(json.outcome.corsError).toBe('MethodDisallowedByPreflightResponse');
  });

  it('follows a fixed preflight to the request', async () => {
    const url = variantUrl('method-not-allowed', 'fixed', '/orders/42');

    const result = await check(
      url,
      '--origin',
      servers.origins.app,
      '--method',
      'PUT',
      '--body',
      'status=shipped',
      '--json',
    );
    const json = JSON.parse(result.stdout) as { exchanges: { role: string; status: number }[]; verdict: string };

    expect(result.code).toBe(0);
    expect(json.verdict).toBe('allowed');
    expect(json.exchanges.map(({ role, status }) => [role, status])).toEqual([
      ['preflight', 204],
      ['actual', 200],
    ]);
  });

  it('checks a credentialed request', async () => {
    // Every server mounts every variant, and Node, unlike a browser, may not resolve partner.localhost.
    const url = variantUrl('wildcard-with-credentials', 'broken', '/recommendations');

    const result = await check(url, '--origin', servers.origins.app, '--credentials');

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('(WildcardOriginNotAllowed)');
  });

  it('sends a cookie on the request but not the preflight', async () => {
    const trace = 'check-sends-cookie';
    const url = `${variantUrl('preflight-missing-allow-credentials', 'fixed', '/basket')}?trace=${trace}`;

    const result = await check(
      url,
      '--origin',
      servers.origins.app,
      '--method',
      'PUT',
      '--credentials',
      '--cookie',
      'session=abc123',
      '--cookie',
      'theme=dark',
    );
    const cookies = servers.store
      .get(trace)
      .exchanges.map(({ method, requestHeaders }) => [method, requestHeaders.find(([name]) => name === 'cookie')?.[1]]);

    expect(result.code).toBe(0);
    expect(cookies).toEqual([
      ['OPTIONS', undefined],
      ['PUT', 'session=abc123; theme=dark'],
    ]);
  });

  it('exits 2 when no server answers', async () => {
    const result = await check(`${servers.origins.offline}/data`, '--origin', servers.origins.app);

    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Network error: GET');
  });

  it.each([
    [['http://localhost:1/'], 'Missing --origin'],
    [['http://localhost:1/', '--origin', 'http://a.example/'], "Invalid --origin 'http://a.example/'"],
    [['ftp://a.example/', '--origin', 'http://a.example'], 'the scheme must be http or https'],
    [['http://a.example/', '--origin', 'http://a.example', '--method', 'GE T'], "Invalid --method 'GE T'"],
    [['http://a.example/', '--origin', 'http://a.example', '--header', 'X Bad:1'], "Invalid --header 'X Bad:1'"],
    [['http://a.example/', '--origin', 'http://a.example', '--timeout', 'soon'], "Invalid --timeout 'soon'"],
    [['--origin', 'http://a.example'], 'Missing URL'],
    [['http://a.example/', '--origin', 'http://a.example', '--cookie', 'a=1'], '--cookie needs --credentials'],
    [
      ['http://a.example/', '--origin', 'http://a.example', '--credentials', '--cookie', 'a=1; b=2'],
      "Invalid --cookie 'a=1; b=2'",
    ],
  ])('rejects %j', async (args, words) => {
    const result = await check(...args);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
  });

  it('sets the exit code of the installed command', async () => {
    const run = (url: string) =>
      promisify(execFile)('node', ['cli/bin.js', 'check', url, '--origin', servers.origins.app]).then(
        () => 0,
        (error: { code: number }) => error.code,
      );

    const codes = await Promise.all([
      run(variantUrl('missing-allow-origin', 'fixed', '/data')),
      run(variantUrl('missing-allow-origin', 'broken', '/data')),
    ]);

    expect(codes).toEqual([0, 1]);
  }, 60_000);
});
