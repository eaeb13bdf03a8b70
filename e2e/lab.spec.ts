import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { caseRequest, parseCaseJson, type Case, type CaseInput } from '../scenarios/case/index.ts';
import { evaluate, responderFromExchanges, type Evaluation } from '../scenarios/evaluator/index.ts';
import type { OriginMap } from '../scenarios/origins.ts';
import type { RecordedExchange } from '../scenarios/records.ts';
import { expect, test, type Playground } from './fixtures.ts';

/** One lab attempt, as the page showed it and as the servers recorded it. */
interface LabAttempt {
  readonly value: Case;
  readonly trace: string;
  readonly url: string;
  /** `blocked` or `allowed`: whether the page's JavaScript saw a failure. */
  readonly js: string;
  readonly exchanges: readonly RecordedExchange[];
  /** The evaluator's verdict on the exchanges the servers recorded. */
  readonly evaluation: Evaluation;
}

/** Reads the case the lab would export, sends it, and waits for the attempt and its records. */
async function sendCase(page: Page, playground: Playground, origins: OriginMap): Promise<LabAttempt> {
  const parsed = parseCaseJson(await page.getByTestId('export-json').inputValue());
  if (!parsed.ok) throw new Error(`The lab exported an invalid case: ${JSON.stringify(parsed.issues)}`);

  await page.getByRole('button', { name: 'Send request' }).click();
  const attempt = page.getByTestId('lab-attempt');
  await expect(attempt).toHaveAttribute('data-state', 'done');
  const trace = (await attempt.getAttribute('data-trace'))!;
  const url = (await attempt.getAttribute('data-url'))!;
  const js = (await attempt.getAttribute('data-js'))!;
  const { exchanges } = await playground.records(trace);
  const evaluation = evaluate(
    caseRequest(parsed.value, origins, trace),
    responderFromExchanges(exchanges, { origins }),
  );
  return { value: parsed.value, trace, url, js, exchanges, evaluation };
}

/** Imports a case through the lab's Import box, as a learner pastes a case file. */
async function importCase(page: Page, value: CaseInput): Promise<void> {
  await page.getByTestId('import-json').fill(JSON.stringify(value));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-issues')).toHaveCount(0);
}

function summary(exchanges: readonly RecordedExchange[]): string[] {
  return exchanges.map((exchange) => {
    const origin = exchange.requestHeaders.find(([name]) => name === 'origin')?.[1] ?? '(no Origin)';
    return `${exchange.method} ${exchange.server} ${exchange.status} from ${origin}`;
  });
}

/** Reloads the page from its URL, which contains the case, and checks that the lab shows the same case. */
async function reloadFromLink(page: Page, value: Case): Promise<void> {
  await page.reload();
  const parsed = parseCaseJson(await page.getByTestId('export-json').inputValue());
  expect(parsed.ok && parsed.value).toEqual(value);
}

test.describe('lab', () => {
  test('app origin GET is allowed and shared', async ({ page, playground, origins }) => {
    await page.goto('/#/lab');

    const first = await sendCase(page, playground, origins);

    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');
    expect(first.js).toBe('allowed');
    expect(first.evaluation.verdict).toBe('allowed');
    expect(summary(first.exchanges)).toEqual([`GET api 200 from ${origins.app}`]);
    await expect(page.getByTestId('js-result')).toContainText('{');

    await reloadFromLink(page, first.value);
    const again = await sendCase(page, playground, origins);
    expect(again.js).toBe('allowed');
    expect(again.trace).not.toBe(first.trace);
  });

  test('preflight without Authorization in Allow-Headers blocks', async ({
    page,
    playground,
    origins,
    browserReports,
  }) => {
    await page.goto('/#/lab');
    await page.getByLabel('Method', { exact: true }).fill('PUT');
    await page.getByLabel('New request header name').fill('Authorization');
    await page.getByRole('button', { name: 'Add request header' }).click();
    await page.getByLabel('Request header 1 value').fill('Bearer lab-token');
    await page.getByLabel('The server answers preflights').check();
    await page.getByLabel('Preflight header 3 value').fill('Content-Type');

    await expect(page.getByTestId('lab-prediction')).toHaveAttribute('data-verdict', 'blocked');
    const attempt = await sendCase(page, playground, origins);

    expect(attempt.js).toBe('blocked');
    expect(attempt.evaluation.outcome).toMatchObject({
      kind: 'cors',
      corsError: 'HeaderDisallowedByPreflightResponse',
    });
    expect(summary(attempt.exchanges)).toEqual([`OPTIONS api 204 from ${origins.app}`]);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');
    const predicted = await page.getByTestId('predicted-console-line').first().textContent();
    await expect.poll(() => browserReports.consoleErrors).toContain(predicted);
    await expect
      .poll(() => browserReports.corsIssues.map((issue) => issue.corsError))
      .toContain('HeaderDisallowedByPreflightResponse');

    await reloadFromLink(page, attempt.value);
    await expect(page.getByLabel('Request header 1 name')).toHaveValue('Authorization');
    expect((await sendCase(page, playground, origins)).js).toBe('blocked');
  });

  test('composes and sends with the keyboard', async ({ page, playground, origins }) => {
    await page.goto('/#/lab');
    await page.getByLabel('New request header name').focus();
    await page.keyboard.type('X-Request-Id');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Add request header' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Request header 1 name')).toHaveValue('X-Request-Id');
    await page.getByLabel('Request header 1 value').focus();
    await page.keyboard.type('42');

    // A custom header needs a preflight, and the lab's server does not answer preflights yet.
    await expect(page.getByTestId('lab-prediction')).toHaveAttribute('data-verdict', 'blocked');
    await page.getByLabel('The server answers preflights').focus();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('The server answers preflights')).toBeChecked();

    const send = page.getByRole('button', { name: 'Send request' });
    await send.focus();
    await page.keyboard.press('Enter');
    const attempt = page.getByTestId('lab-attempt');
    await expect(attempt).toHaveAttribute('data-state', 'done');
    const { exchanges } = await playground.records((await attempt.getAttribute('data-trace'))!);
    expect(summary(exchanges)[0]).toBe(`OPTIONS api 204 from ${origins.app}`);
    await expect(attempt).toHaveAttribute('data-agreement', 'agrees');
  });

  test('sandboxed frame sends Origin: null', async ({ page, playground, origins }) => {
    await page.goto('/#/lab');
    await page.getByLabel('Page origin', { exact: true }).selectOption('null');

    const blocked = await sendCase(page, playground, origins);

    // The response allows the app's origin, and a sandboxed page's origin is null.
    expect(blocked.js).toBe('blocked');
    expect(blocked.evaluation.outcome).toMatchObject({ kind: 'cors', corsError: 'AllowOriginMismatch' });
    expect(summary(blocked.exchanges)).toEqual(['GET api 200 from null']);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');

    await page.getByLabel('Response header 1 value').fill('null');
    const allowed = await sendCase(page, playground, origins);
    expect(allowed.js).toBe('allowed');
    expect(allowed.evaluation.verdict).toBe('allowed');
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');

    await reloadFromLink(page, allowed.value);
    await expect(page.getByLabel('Page origin', { exact: true })).toHaveValue('null');
    expect((await sendCase(page, playground, origins)).js).toBe('allowed');
  });

  test('redirect chain across three servers', async ({ page, playground, origins }) => {
    await page.goto('/#/lab');
    // api redirects to partner, which redirects to the proxy. The hop from api to partner leaves the
    // page's origin behind, so the browser sends Origin: null from then on, and * still matches it.
    await importCase(page, {
      version: 1,
      name: 'redirect-chain',
      request: { pageOrigin: 'app', target: 'api' },
      answers: {
        redirects: [
          { status: 307, headers: [['Access-Control-Allow-Origin', '{app}']], location: { target: 'partner' } },
          { status: 302, headers: [['Access-Control-Allow-Origin', '*']], location: { target: 'proxy' } },
        ],
        response: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'chained' },
      },
    });

    const attempt = await sendCase(page, playground, origins);

    expect(attempt.js).toBe('allowed');
    expect(attempt.evaluation.verdict).toBe('allowed');
    // The proxy forwards its request to the API, which records it too.
    expect(summary(attempt.exchanges)).toEqual([
      `GET api 307 from ${origins.app}`,
      'GET partner 302 from null',
      'GET proxy 200 from null',
      'GET api 200 from null',
    ]);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');
    await expect(page.getByTestId('js-result')).toContainText('chained');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download redirect-chain.json' }).click();
    const file = await (await download).path();
    expect(parseCaseJson(readFileSync(file, 'utf8'))).toEqual({ ok: true, value: attempt.value });

    await reloadFromLink(page, attempt.value);
    await expect(page.getByTestId('redirect-answer')).toHaveCount(2);
    expect((await sendCase(page, playground, origins)).js).toBe('allowed');
  });

  test('redirect modes manual and error', async ({ page, playground, origins }) => {
    await page.goto('/#/lab');
    await importCase(page, {
      version: 1,
      request: { pageOrigin: 'app', target: 'api', redirect: 'manual' },
      answers: {
        redirects: [{ status: 307, headers: [['Access-Control-Allow-Origin', '*']], location: { target: 'partner' } }],
        response: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] },
      },
    });

    // With manual, fetch() resolves with an opaque redirect and the browser does not follow it.
    const manual = await sendCase(page, playground, origins);
    expect(manual.js).toBe('allowed');
    expect(manual.evaluation.outcome).toMatchObject({ verdict: 'opaque', responseType: 'opaqueredirect' });
    expect(summary(manual.exchanges)).toEqual([`GET api 307 from ${origins.app}`]);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');

    // With error, a redirect fails the request, here from a runner frame on the proxy's origin.
    await page.getByLabel('Redirect', { exact: true }).selectOption('error');
    await page.getByLabel('Page origin', { exact: true }).selectOption('proxy');
    const error = await sendCase(page, playground, origins);
    expect(error.js).toBe('blocked');
    expect(error.evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'redirect-mode-error' });
    expect(summary(error.exchanges)).toEqual([`GET api 307 from ${origins.proxy}`]);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');
  });

  test("attacker's page cannot read the app's answer", async ({ page, playground, origins, browserReports }) => {
    await page.goto('/#/lab');
    await page.getByLabel('Page origin', { exact: true }).selectOption('attacker');
    await page.getByLabel('Credentials', { exact: true }).selectOption('include');
    await page.getByLabel('Response header 2 name').fill('Access-Control-Allow-Credentials');
    await page.getByLabel('Response header 2 value').fill('true');

    const attempt = await sendCase(page, playground, origins);

    expect(attempt.js).toBe('blocked');
    expect(attempt.evaluation.outcome).toMatchObject({ kind: 'cors', corsError: 'AllowOriginMismatch' });
    expect(summary(attempt.exchanges)).toEqual([`GET api 200 from ${origins.attacker}`]);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');
    await expect
      .poll(() => browserReports.consoleErrors.filter((text) => text.includes(attempt.url)))
      .toEqual([
        `Access to fetch at '${attempt.url}' from origin '${origins.attacker}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '${origins.app}' that is not equal to the supplied origin. Have the server send the header with a valid value.`,
      ]);

    await reloadFromLink(page, attempt.value);
    await expect(page.getByLabel('Credentials', { exact: true })).toHaveValue('include');
    expect((await sendCase(page, playground, origins)).js).toBe('blocked');
  });

  test("scenario's Open in lab link loads its variant", async ({ page, playground, origins }) => {
    await playground.open('preflight-unauthorized', 'broken');
    await page.getByTestId('open-in-lab').click();
    await expect(page.getByLabel('Preflight status', { exact: true })).toHaveValue('401');

    const attempt = await sendCase(page, playground, origins);

    expect(attempt.value.name).toBe('preflight-unauthorized-broken');
    expect(attempt.js).toBe('blocked');
    expect(attempt.evaluation.outcome).toMatchObject({ kind: 'cors', corsError: 'PreflightInvalidStatus' });
    expect(summary(attempt.exchanges)).toEqual([`OPTIONS api 401 from ${origins.app}`]);
    await expect(page.getByTestId('lab-attempt')).toHaveAttribute('data-agreement', 'agrees');
    await expect(page.getByTestId('lab-prediction')).toContainText('The case expects: blocked (preflight');
  });

  test('answers editor takes a value and reports edits', async ({ page }) => {
    await page.goto('/#/lab');
    await page.evaluate(() => {
      const editor = document.createElement('cp-lab-answers-editor');
      editor.id = 'exercise';
      editor.value = { redirects: [], response: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] } };
      const reports: unknown[] = [];
      editor.addEventListener('cp-answers-change', (event) => {
        reports.push({ status: event.answers?.response.status, issues: event.issues.map((issue) => issue.path) });
      });
      Object.assign(window, { reports });
      document.body.append(editor);
    });
    const editor = page.locator('#exercise');
    const reports = () => page.evaluate(() => (window as unknown as { reports: unknown[] }).reports);

    await expect(editor.getByLabel('Response header 1 value')).toHaveValue('*');
    await editor.getByLabel('Response status', { exact: true }).fill('99');
    await editor.getByLabel('Response status', { exact: true }).fill('204');

    expect(await reports()).toEqual([
      { status: undefined, issues: ['answers.response.status'] },
      { status: 204, issues: [] },
    ]);
  });

  test('fields are checked as they are typed', async ({ page }) => {
    await page.goto('/#/lab');
    await page.getByLabel('Response header 1 name').fill('Access Control');
    await page.getByLabel('Response status', { exact: true }).fill('700');

    await expect(page.getByText('A header name is a token')).toBeVisible();
    await expect(page.getByText('The status is at most 599.')).toBeVisible();
    await expect(page.getByTestId('lab-invalid')).toContainText('2 fields are invalid');
    await expect(page.getByRole('button', { name: 'Send request' })).toHaveAttribute('aria-disabled', 'true');

    // A link taken now keeps the invalid values, so reloading shows them with the same messages.
    await page.reload();
    await expect(page.getByTestId('link-issues')).toContainText('answers.response.status');
    await expect(page.getByLabel('Response header 1 name')).toHaveValue('Access Control');
    await expect(page.getByLabel('Response status', { exact: true })).toHaveValue('700');
  });

  test('link that is not a case opens the new case', async ({ page }) => {
    await page.goto('/#/lab?case=not*base64');

    await expect(page.getByTestId('link-issues')).toContainText('not base64url');
    await expect(page.getByLabel('Method', { exact: true })).toHaveValue('GET');
    await expect(page.getByRole('button', { name: 'Send request' })).toHaveAttribute('aria-disabled', 'false');
  });

  test('import lists the invalid fields', async ({ page }) => {
    await page.goto('/#/lab');
    await page.getByTestId('import-json').fill('{"version":1,"request":{"pageOrigin":"mars","target":"api"}}');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await expect(page.getByTestId('import-issues')).toContainText('request.pageOrigin');
    await expect(page.getByTestId('import-issues')).toContainText('answers');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing in the ${colorScheme} theme`, async ({ page, playground, origins }) => {
      // Two axe runs over the whole lab take longer than the default timeout on a loaded 2-core machine.
      test.setTimeout(90_000);
      // The inspector's rows fade in one by one, and axe would measure their contrast mid-fade.
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto('/#/lab');
      await page.getByLabel('The server answers preflights').check();
      await page.getByLabel('Response status', { exact: true }).fill('20');
      await expect(page.getByTestId('lab-invalid')).toBeVisible();

      const invalid = await axeViolations(page);
      await page.getByLabel('Response status', { exact: true }).fill('200');
      await sendCase(page, playground, origins);
      const sent = await axeViolations(page);

      expect(invalid, 'axe violations with an invalid field').toEqual([]);
      expect(sent, 'axe violations after an attempt').toEqual([]);
    });
  }
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ iframes: false }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'),
  );
}
