import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseRun } from './run-case.ts';

/** Every example case: the hand-written ones and those written from the catalog. */
const caseFiles = [
  ...readdirSync('cases')
    .filter((name) => name.endsWith('.json'))
    .map((name) => `cases/${name}`),
  ...readdirSync('cases/catalog')
    .filter((name) => name.endsWith('.json'))
    .map((name) => `cases/catalog/${name}`),
];

interface RunOutput {
  readonly cases: readonly CaseRun[];
}

/** Runs the installed command as a user would, and returns its exit code and JSON output. */
async function runCases(files: readonly string[]): Promise<{ code: number; output: RunOutput }> {
  const run = promisify(execFile);
  try {
    const { stdout } = await run('node', ['cli/bin.js', 'run', '--json', ...files], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: JSON.parse(stdout) as RunOutput };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, output: JSON.parse(failure.stdout) as RunOutput };
  }
}

const wrongExpectation = 'cli/run/test-cases/wrong-expectation.json';

describe('cors-playground run in Chromium', () => {
  // One run of the installed command for every test: starting Chromium is the slow part.
  let result: { code: number; output: RunOutput };

  beforeAll(async () => {
    result = await runCases([...caseFiles, wrongExpectation]);
  }, 300_000);

  function caseRun(file: string): CaseRun {
    const run = result.output.cases.find((candidate) => candidate.file === file);
    if (run === undefined) throw new Error(`no result for ${file}`);
    return run;
  }

  it('meets every example case', () => {
    const failures = caseFiles
      .map(caseRun)
      .filter((run) => !run.ok)
      .map((run) => `${run.file}: ${[...run.disagreements, ...run.unmet].join('; ')}`);

    expect(caseFiles.length).toBeGreaterThanOrEqual(10);
    expect(failures).toEqual([]);
  });

  it('reports what Chromium decided', () => {
    const nullOrigin = caseRun('cases/null-origin-allowlist.json');
    const chain = caseRun('cases/redirect-chain.json');
    const userinfo = caseRun('cases/catalog/redirect-userinfo-broken.json');

    expect(nullOrigin.browser).toMatchObject({ verdict: 'blocked', corsError: 'AllowOriginMismatch' });
    expect(nullOrigin.records[0]?.requestHeaders).toContainEqual(['origin', 'null']);
    expect(chain.browser.verdict).toBe('allowed');
    expect(chain.records.map((exchange) => [exchange.server, exchange.status])).toEqual([
      ['api', 302],
      ['proxy', 307],
      ['api', 307],
      ['partner', 200],
    ]);
    expect(caseRun('cases/no-cors-opaque.json').browser.verdict).toBe('opaque');
    expect(userinfo.browser).toMatchObject({ verdict: 'blocked', corsError: 'RedirectContainsCredentials' });
    expect(userinfo.browser.consoleMessage).toContain('has been blocked by CORS policy');
  });

  it('fails a case whose expectation is not met', () => {
    expect(caseRun(wrongExpectation).unmet).toEqual(['verdict: expected allowed, got blocked']);
    expect(result.code).toBe(1);
  });
});
