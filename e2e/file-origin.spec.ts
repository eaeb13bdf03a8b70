/**
 * Variants whose request comes from a page opened from disk. The app can neither open nor frame a file:
 * URL, so the scenario page offers that page as a download; this spec saves it, opens it from disk as a
 * learner does, and then reads the servers' records into the inspector. e2e/scenarios.spec.ts skips them.
 */
import { pathToFileURL } from 'node:url';
import type { ConsoleMessage } from '@playwright/test';
import {
  chromiumConsoleMessage,
  chromiumInitiators,
  fillOrigins,
  isCorsBlock,
  scenarios,
  variantNames,
} from '../scenarios/index.ts';
import { expect, test, type CorsIssue } from './fixtures.ts';

interface IssueEvent {
  readonly issue: {
    readonly code: string;
    readonly details: {
      readonly corsIssueDetails?: {
        readonly corsErrorStatus: { readonly corsError: string };
        readonly request: { readonly url: string };
      };
    };
  };
}

for (const scenario of scenarios) {
  for (const variant of variantNames) {
    const { request, expected } = scenario.variants[variant];
    if (request.page?.kind !== 'file') continue;
    const { outcome } = expected;

    test(`${scenario.id} ${variant} from a page opened from disk sends Origin: null`, async ({
      playground,
      page,
      origins,
    }, testInfo) => {
      // Written for what the catalog's file pages do: a fetch() that the browser blocks as CORS.
      if (!isCorsBlock(outcome) || request.initiator !== 'fetch') throw new Error('expected a blocked fetch()');
      await playground.open(scenario.id, variant);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download the page' }).click();
      const saved = testInfo.outputPath((await download).suggestedFilename());
      await (await download).saveAs(saved);
      expect(saved).toMatch(new RegExp(`${scenario.id}-${variant}\\.html$`));

      // A page of its own, as the learner opens the file in a tab, with its console and DevTools issues.
      const filePage = await page.context().newPage();
      const consoleErrors: string[] = [];
      filePage.on('console', (message: ConsoleMessage) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      const corsIssues: CorsIssue[] = [];
      const cdp = await page.context().newCDPSession(filePage);
      cdp.on('Audits.issueAdded', ({ issue }: IssueEvent) => {
        const cors = issue.details.corsIssueDetails;
        if (cors !== undefined) corsIssues.push({ corsError: cors.corsErrorStatus.corsError, url: cors.request.url });
      });
      await cdp.send('Audits.enable');
      await filePage.goto(pathToFileURL(saved).href);

      await test.step('JavaScript on the file page sees what the catalog says', async () => {
        const result = filePage.locator('#result');
        await expect(result).toHaveAttribute('data-state', 'done');
        if (expected.js.kind !== 'type-error') throw new Error('expected a TypeError');
        await expect(result).toHaveText(`TypeError: ${expected.js.message}`);
      });

      await page.getByRole('button', { name: 'Show what the servers recorded' }).click();
      const attempt = page.getByTestId('attempt');
      await expect(attempt).toHaveAttribute('data-state', 'done');
      const url = (await attempt.getAttribute('data-url'))!;
      const trace = (await attempt.getAttribute('data-trace'))!;
      await expect(attempt).toHaveAttribute('data-page-origin', 'null');
      // The app page did not send the request, so it points to the downloaded page for JavaScript's result.
      await expect(page.getByTestId('js-elsewhere')).toBeVisible();

      await test.step("Chromium names the origin 'null' in the console and files the CORS issue", async () => {
        const message = chromiumConsoleMessage({
          initiator: chromiumInitiators[request.initiator],
          url,
          origin: 'null',
          corsError: outcome.corsError,
          value: outcome.detail.value === undefined ? undefined : fillOrigins(outcome.detail.value, origins),
          method: outcome.detail.method,
          header: outcome.detail.header,
        });
        expect(message).toContain(`from origin 'null' has been blocked by CORS policy`);
        await expect.poll(() => consoleErrors.filter((text) => text.includes(`'${url}'`))).toEqual([message]);
        await expect
          .poll(() => corsIssues.filter((issue) => issue.url === url).map((issue) => issue.corsError))
          .toEqual([outcome.corsError]);
        // The inspector on the app page expects the same line.
        await expect(page.getByTestId('console-message')).toHaveText(message);
      });

      await test.step('the servers recorded the request with Origin: null', async () => {
        const record = await playground.records(trace);
        const seen = record.exchanges.map(({ server, method, status }) => ({ server, method, status }));
        expect(seen).toEqual(expected.exchanges.map(({ server, method, status }) => ({ server, method, status })));
        for (const exchange of record.exchanges) {
          expect(exchange.requestHeaders.filter(([name]) => name === 'origin')).toEqual([['origin', 'null']]);
        }
        await expect(page.getByTestId('exchange')).toHaveCount(expected.exchanges.length);
        // The inspector's diagram draws the recorded request, blocked on its way back to the page.
        const steps = page.getByTestId('sequence-step');
        await expect(steps).toHaveCount(expected.exchanges.length);
        await expect(steps.last()).toHaveAttribute('data-result', 'blocked');
      });

      await filePage.close();
    });
  }
}
