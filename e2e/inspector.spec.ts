import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { evaluate, responderFromExchanges } from '../scenarios/evaluator/index.ts';
import { scenarios, type OriginMap, type Scenario } from '../scenarios/index.ts';
import type { TraceRecord } from '../scenarios/records.ts';
import { expect, test } from './fixtures.ts';

const run = promisify(execFile);

/** Checks whether curl is installed, for the test that runs a copied command. */
function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function evaluateRecords(scenario: Scenario, url: string, record: TraceRecord, origins: OriginMap) {
  const { method, headers, body, credentials } = scenario.request;
  return evaluate(
    { origin: origins.app, url, method, headers, credentials, ...(body !== undefined && { body }) },
    responderFromExchanges(record.exchanges, { origins }),
  );
}

test.describe('sequence diagram', () => {
  test('failed preflight leaves the request unsent', async ({ playground, page }) => {
    await playground.open('method-not-allowed', 'broken');
    await playground.send();

    const steps = page.getByTestId('sequence-diagram').getByTestId('sequence-step');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toHaveAttribute('data-method', 'OPTIONS');
    await expect(steps.nth(0)).toHaveAttribute('data-status', '204');
    await expect(steps.nth(0)).toHaveAttribute('data-result', 'blocked');
    await expect(steps.nth(0)).toContainText('PUT is not in Access-Control-Allow-Methods');
    await expect(steps.nth(1)).toHaveAttribute('data-method', 'PUT');
    await expect(steps.nth(1)).toHaveAttribute('data-status', '');
    await expect(steps.nth(1)).toHaveAttribute('data-result', 'not-sent');
    await expect(steps.nth(1)).toContainText('Not sent');
  });

  test('allowed preflighted request passes both', async ({ playground, page }) => {
    await playground.open('method-not-allowed', 'fixed');
    await playground.send();

    const steps = page.getByTestId('sequence-step');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toHaveAttribute('data-method', 'OPTIONS');
    await expect(steps.nth(0)).toHaveAttribute('data-status', '204');
    await expect(steps.nth(0)).toHaveAttribute('data-result', 'passed');
    await expect(steps.nth(1)).toHaveAttribute('data-method', 'PUT');
    await expect(steps.nth(1)).toHaveAttribute('data-status', '200');
    await expect(steps.nth(1)).toHaveAttribute('data-result', 'passed');
  });

  test("proxy's request to the API comes from the proxy", async ({ playground, page }) => {
    await playground.open('duplicate-allow-origin', 'broken');
    await playground.send();

    const steps = page.getByTestId('sequence-step');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toHaveAttribute('data-from', 'browser');
    await expect(steps.nth(0)).toHaveAttribute('data-to', 'proxy');
    await expect(steps.nth(0)).toHaveAttribute('data-result', 'blocked');
    await expect(steps.nth(1)).toHaveAttribute('data-from', 'proxy');
    await expect(steps.nth(1)).toHaveAttribute('data-to', 'api');
  });

  test('screen readers get the steps as a list', async ({ playground, page }) => {
    await playground.open('preflight-unauthorized', 'broken');
    await playground.send();

    const figure = page.getByRole('figure', { name: /^Requests between Browser/ });
    await expect(figure).toHaveAttribute('data-testid', 'sequence-diagram');
    const items = figure.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('OPTIONS');
    await expect(items.nth(0)).toContainText('from the browser to api');
    await expect(items.nth(1)).toContainText('Not sent');
  });
});

test.describe('three views', () => {
  test('non-browser client reads what the browser blocks', async ({ playground, page }) => {
    await playground.open('missing-allow-origin', 'broken');
    const attempt = await playground.send();

    const view = page.getByTestId('non-browser-view');
    await expect(view.getByTestId('non-browser-status')).toHaveText('200 OK');
    await expect(view.getByTestId('browser-status')).toHaveText('TypeError: Failed to fetch');
    await expect(view.getByTestId('non-browser-body')).toContainText('Hello from the API');
    await expect(view.getByTestId('non-browser-why')).toContainText('CORS is enforced by browsers, not by servers');
    await expect(page.getByTestId('js-view').getByTestId('js-result')).toHaveText('TypeError: Failed to fetch');
    await expect(page.getByTestId('wire-view')).toContainText('200 OK');

    await test.step('the replay has its own trace and no Origin', async () => {
      const replayTrace = await view.getAttribute('data-trace');
      expect(replayTrace, 'the view names the trace of the replayed request').toBeTruthy();
      expect(replayTrace).not.toBe(attempt.trace);
      const replayed = await playground.records(replayTrace!);
      expect(replayed.exchanges.map(({ server, method, status }) => ({ server, method, status }))).toEqual([
        { server: 'api', method: 'GET', status: 200 },
      ]);
      expect(replayed.exchanges[0]?.requestHeaders.map(([name]) => name)).not.toContain('origin');
      const browser = await playground.records(attempt.trace);
      expect(browser.exchanges, 'the replay does not mix with the browser attempt').toHaveLength(1);
    });
  });

  test('both clients read an allowed response', async ({ playground, page }) => {
    await playground.open('missing-allow-origin', 'fixed');
    await playground.send();

    const view = page.getByTestId('non-browser-view');
    await expect(view.getByTestId('non-browser-status')).toHaveText('200 OK');
    await expect(view.getByTestId('browser-status')).toHaveText('200 OK');
    await expect(view.getByTestId('non-browser-why')).toContainText('Both read the response');
  });

  test('non-browser client reaches the https API', async ({ playground, page }) => {
    // The fixed page and API are at https://app.test and https://api.test, with the playground's certificate.
    await playground.open('mixed-content', 'fixed');
    await playground.send();

    const view = page.getByTestId('non-browser-view');
    await expect(view.getByTestId('non-browser-status')).toHaveText('200 OK');
    await expect(view.getByTestId('browser-status')).toHaveText('200 OK');
  });
});

test.describe('fault explanation', () => {
  test('names the value the header should have', async ({ playground, page, origins }) => {
    const scenario = scenarios.find((candidate) => candidate.id === 'method-not-allowed')!;
    await playground.open(scenario.id, 'broken');
    const attempt = await playground.send();
    const evaluation = evaluateRecords(scenario, attempt.url, await playground.records(attempt.trace), origins);
    expect(evaluation.outcome.verdict).toBe('blocked');
    if (evaluation.outcome.verdict !== 'blocked' || evaluation.outcome.kind !== 'cors') return;
    const { fault } = evaluation.outcome;

    const explanation = page.getByTestId('fault-explanation');
    await expect(explanation.getByTestId('fault-subject')).toContainText('Access-Control-Allow-Methods');
    await expect(explanation.getByTestId('fault-actual')).toHaveText(fault.actual!);
    await expect(explanation.getByTestId('fault-expected')).toHaveText(fault.expected);
    expect(fault.expected).toContain('PUT');
    await expect(explanation.getByTestId('evaluator-explanation')).toHaveText(evaluation.explanation);
    await expect(explanation.getByTestId('firefox-reason')).toContainText("taken from Firefox's source code");
    await expect(explanation.getByTestId('firefox-reason')).toContainText(evaluation.firefox!.text);
  });

  test('says the header is missing', async ({ playground, page }) => {
    await playground.open('missing-allow-origin', 'broken');
    await playground.send();

    const explanation = page.getByTestId('fault-explanation');
    await expect(explanation.getByTestId('fault-subject')).toContainText('Access-Control-Allow-Origin');
    await expect(explanation.getByTestId('fault-actual')).toHaveText('nothing: the header is missing');
    await expect(explanation.getByTestId('fault-expected')).toHaveText(playground.origins.app);
  });

  test('explains an allowed request too', async ({ playground, page }) => {
    await playground.open('missing-allow-origin', 'fixed');
    await playground.send();

    const explanation = page.getByTestId('fault-explanation');
    await expect(explanation).toContainText('Why the browser allowed it');
    await expect(explanation.getByTestId('fault-expected')).toHaveCount(0);
  });
});

test.describe('copy as curl', () => {
  test('preflight command carries the CORS headers', async ({ playground, page, origins }) => {
    await playground.open('method-not-allowed', 'broken');
    const attempt = await playground.send();

    const preflight = page.getByTestId('exchange').first();
    const command = preflight.getByTestId('curl-command');
    await expect(command).toContainText('-X OPTIONS');
    await expect(command).toContainText(`-H 'origin: ${origins.app}'`);
    await expect(command).toContainText("-H 'access-control-request-method: PUT'");
    await expect(command).toContainText(`'${attempt.url}'`);
    await expect(command).not.toContainText("-H 'host:");
  });

  test('actual request command carries the body', async ({ playground, page }) => {
    await playground.open('method-not-allowed', 'fixed');
    await playground.send();

    const command = page.getByTestId('exchange').nth(1).getByTestId('curl-command');
    await expect(command).toContainText('-X PUT');
    await expect(command).toContainText("--data-raw 'status=shipped'");
  });

  test('copied command reproduces the preflight', async ({ playground, page }) => {
    test.skip(!hasCurl(), 'curl is not installed, so the copied command cannot run');
    await playground.open('method-not-allowed', 'broken');
    const attempt = await playground.send();
    const command = await page.getByTestId('exchange').first().getByTestId('curl-command').textContent();

    const { stdout } = await run('sh', ['-c', `${command} --silent --include`]);

    expect(stdout).toMatch(/^HTTP\/1\.1 204 /);
    expect(stdout).toContain('access-control-allow-methods: GET,POST');
    const [browser, curl] = (await playground.records(attempt.trace)).exchanges;
    const sent = (exchange: typeof browser) =>
      exchange?.requestHeaders.filter(([name]) => !['host', 'connection', 'content-length'].includes(name));
    expect(curl?.method).toBe('OPTIONS');
    expect(sent(curl), 'curl sends the headers the browser sent, in order').toEqual(sent(browser));
  });

  test('button writes the command to the clipboard', async ({ playground, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await playground.open('method-not-allowed', 'broken');
    await playground.send();
    const preflight = page.getByTestId('exchange').first();

    await preflight.getByTestId('copy-curl').click();

    await expect(preflight.getByRole('status')).toHaveText('Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await preflight.getByTestId('curl-command').textContent());
  });

  test('without clipboard the command is selected', async ({ playground, page }) => {
    // The clipboard API exists only in secure contexts, so removing it acts like a page served over plain http.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await playground.open('method-not-allowed', 'broken');
    await playground.send();
    const preflight = page.getByTestId('exchange').first();

    await preflight.getByTestId('copy-curl').click();

    const command = preflight.getByTestId('curl-command');
    await expect(command).toBeVisible();
    await expect(preflight.getByRole('status')).toContainText('press Ctrl+C');
    const selected = await page.evaluate(() => window.getSelection()?.toString());
    expect(selected).toBe(await command.textContent());
  });
});

test('attempt sets both performance marks', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');
  const attempt = await playground.send();

  // The inspector mark follows the last render, which may come after the records, so it is polled.
  await expect
    .poll(() =>
      page.evaluate(() =>
        ['cors-playground:attempt-settled', 'cors-playground:inspector-rendered'].map((name) =>
          performance.getEntriesByName(name).map((entry) => (entry as PerformanceMark).detail as unknown),
        ),
      ),
    )
    .toEqual([[{ trace: attempt.trace }], [{ trace: attempt.trace }]]);
});
