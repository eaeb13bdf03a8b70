import { answeredExchanges } from '../scenarios/closed-connection.ts';
import { evaluate, responderFromExchanges } from '../scenarios/evaluator/index.ts';
import {
  assertNever,
  blockedUrls,
  chromiumConsoleMessage,
  chromiumInitiators,
  corsUnsafeRequestHeaderNames,
  fillConsoleLine,
  fillOrigins,
  isCorsBlock,
  recordOrigins,
  requestOrigin,
  requestPageOrigin,
  scenarios,
  variantNames,
  type Expectation,
  type ExpectedExchange,
  type RequestSpec,
} from '../scenarios/index.ts';
import { checkEarlierSends, earlierReports } from './earlier-sends.ts';
import { traceParameter } from '../scenarios/records.ts';
import { expect, test, type ConsoleEntry } from './fixtures.ts';
import { expectDiagramMatches } from './sequence-diagram.ts';

/** Describes the expected outcome in a few words, for the test title. */
function describeOutcome({ outcome, deviation }: Expectation): string {
  if (outcome.verdict === 'blocked' && !isCorsBlock(outcome)) return `fails without CORS (${outcome.cause})`;
  if (outcome.verdict === 'blocked') return `blocked at ${outcome.stage} with ${outcome.corsError}`;
  return deviation === undefined ? 'allowed' : `allowed by Chromium against the standard (${deviation})`;
}

/** Console errors and issues about other URLs, such as the favicon, are not this attempt's. */
const about = (url: string) => (text: string) => text.includes(`'${url}'`) || text.includes(`cannot load ${url}.`);

/**
 * Console errors about a URL, whether the text quotes it or Chromium attaches it, as it does to
 * `Failed to load resource: net::…`, which names no URL in its text. After a redirect Chromium may
 * attach the Location URL instead, which still carries the attempt's trace id.
 */
const entriesAbout = (url: string) => (entry: ConsoleEntry) =>
  entry.url === url || entry.text.includes(url) || sameTrace(entry.url, url);

function sameTrace(a: string, b: string): boolean {
  const trace = (url: string) => (URL.canParse(url) ? new URL(url).searchParams.get(traceParameter) : null);
  return trace(a) !== null && trace(a) === trace(b);
}

for (const scenario of scenarios) {
  for (const variant of variantNames) {
    // A page opened from disk has no Send button: e2e/file-origin.spec.ts downloads and opens it instead.
    if (scenario.variants[variant].request.page?.kind === 'file') continue;
    const expected = scenario.variants[variant].expected;

    test(`${scenario.id} ${variant} is ${describeOutcome(expected)}`, async ({
      playground,
      browserReports,
      origins,
      page,
    }) => {
      await playground.open(scenario.id, variant);
      const attempt = await playground.send();
      const { outcome } = expected;
      // Chromium's reports about the URL begin with those of the sends before the last, if any.
      const earlier = earlierReports(scenario, variant, attempt.url, origins);
      // The origin of the page that sent the request: the app's, an attacker's frame's, or null when sandboxed.
      const pageOrigin = requestPageOrigin(scenario.variants[variant].request, origins);
      // After a redirect to another server, Chromium names the URL there, and its issue may too.
      const redirectedTo = isCorsBlock(outcome) ? outcome.redirectedTo : undefined;
      const urls = blockedUrls(attempt.url, redirectedTo === undefined ? undefined : origins[redirectedTo]);
      const isAttemptIssue = (issue: { readonly url: string }) => issue.url === attempt.url || issue.url === urls.url;
      // CORS issues that Chromium files about a request it lets through.
      const corsIssuesWhenAllowed = (expected.issuesWhenAllowed ?? [])
        .filter((issue) => issue.code === 'CorsIssue')
        .map((issue) => issue.reason);

      await test.step('JavaScript sees what the catalog says', async () => {
        const failed = expected.js.kind === 'type-error' || expected.js.kind === 'error-event';
        await expect(page.getByTestId('attempt')).toHaveAttribute('data-js', failed ? 'blocked' : 'allowed');
        const jsResult = page.getByTestId('js-result');
        switch (expected.js.kind) {
          case 'type-error':
            await expect(jsResult).toContainText(`TypeError: ${expected.js.message}`);
            break;
          case 'response':
            await expect(jsResult).toContainText(String(expected.js.status));
            for (const value of Object.values(expected.js.body as Record<string, unknown>)) {
              await expect(jsResult).toContainText(String(value));
            }
            break;
          case 'error-event':
          case 'loaded':
            await expect(jsResult).toHaveText(expected.js.text);
            break;
          case 'beacon':
            await expect(jsResult).toHaveText(`sendBeacon() returned ${expected.js.queued}`);
            break;
          default:
            assertNever(expected.js);
        }
        await expect(page.getByTestId('unexpected')).toHaveCount(0);
        // A request from another page names that page, so the learner sees whose JavaScript read the answer.
        const sentFrom = page.getByTestId('page-origin');
        if ((scenario.variants[variant].request.page?.kind ?? 'app') === 'app') await expect(sentFrom).toHaveCount(0);
        else await expect(sentFrom).toHaveAttribute('data-origin', pageOrigin);
      });

      await test.step('Chromium reports the expected CORS error, or none', async () => {
        if (outcome.verdict === 'blocked' && !isCorsBlock(outcome)) {
          // Not a CORS block: Chromium prints other lines, and reports another DevTools issue or none.
          const context = { url: attempt.url, page: attempt.page, origin: attempt.pageOrigin };
          const lines = outcome.consoleLines.map((line) => fillConsoleLine(line, context, origins));
          await expect
            .poll(() => browserReports.consoleEntries.filter(entriesAbout(attempt.url)).map((entry) => entry.text))
            .toEqual(lines);
          // Chromium files the issues in no fixed order, so they are compared sorted.
          const byReason = (a: { readonly reason: string }, b: { readonly reason: string }) =>
            a.reason.localeCompare(b.reason);
          const expectedIssues = [
            ...(outcome.otherIssues ?? []),
            ...(outcome.issue === undefined ? [] : [outcome.issue]),
          ];
          await expect
            .poll(() =>
              browserReports.issues
                .filter((issue) => issue.url === attempt.url)
                .map(({ code, reason }) => ({ code, reason }))
                .sort(byReason),
            )
            .toEqual(expectedIssues.sort(byReason));
          await expect(page.getByTestId('console-line')).toHaveText(lines);
          await expect(page.getByTestId('console-message')).toHaveCount(0);
        } else if (outcome.verdict === 'blocked') {
          const message = chromiumConsoleMessage({
            initiator: chromiumInitiators[scenario.request.initiator],
            ...urls,
            origin: pageOrigin,
            corsError: outcome.corsError,
            value: outcome.detail.value === undefined ? undefined : fillOrigins(outcome.detail.value, origins),
            method: outcome.detail.method,
            header: outcome.detail.header,
          });
          await expect
            .poll(() => browserReports.consoleErrors.filter(about(attempt.url)))
            .toEqual([...earlier.messages, message]);
          await expect
            .poll(() => browserReports.corsIssues.filter(isAttemptIssue).map((issue) => issue.corsError))
            .toEqual([...earlier.corsErrors, outcome.corsError]);
          await expect(page.getByTestId('console-message')).toHaveText(message);
        } else {
          expect(browserReports.consoleErrors.filter(about(attempt.url))).toEqual(earlier.messages);
          await expect
            .poll(() =>
              browserReports.corsIssues.filter((issue) => issue.url === attempt.url).map((issue) => issue.corsError),
            )
            .toEqual([...earlier.corsErrors, ...corsIssuesWhenAllowed]);
          await expect(page.getByTestId('console-message')).toHaveCount(0);
        }
      });

      // The sends before the last, if any, come first in the trace's records.
      const { record, cache } = checkEarlierSends(
        scenario,
        variant,
        await playground.records(attempt.trace),
        attempt.url,
        origins,
      );
      await expect(page.getByTestId('earlier-send')).toHaveCount(expected.earlierSends?.length ?? 0);

      await test.step('the servers recorded exactly the expected requests', async () => {
        const seen = record.exchanges.map(({ server, method, status }) => ({ server, method, status }));
        expect(seen).toEqual(expected.exchanges.map(({ server, method, status }) => ({ server, method, status })));
        assertBrowserSentCorsHeaders(
          scenario.variants[variant].request,
          record.exchanges,
          expected.exchanges,
          pageOrigin,
        );

        const shown = page.getByTestId('exchange');
        await expect(shown).toHaveCount(expected.exchanges.length);
        for (const [index, exchange] of expected.exchanges.entries()) {
          await expect(shown.nth(index)).toHaveAttribute('data-server', exchange.server);
          await expect(shown.nth(index)).toHaveAttribute('data-method', exchange.method);
          await expect(shown.nth(index)).toHaveAttribute('data-status', String(exchange.status));
        }
      });

      // A WebSocket handshake goes through no CORS check, so the page draws no diagram for it.
      if (scenario.request.initiator !== 'websocket') {
        await test.step('the sequence diagram matches the records', async () => {
          await expectDiagramMatches(page, scenario.request, expected);
        });
      }

      await test.step('the evaluator agrees with Chromium', async () => {
        // The variant's request: a fix in the page, such as an uppercase method, changes it.
        const { request } = scenario.variants[variant];
        const evaluation = evaluate(
          {
            origin: pageOrigin,
            url: attempt.url,
            method: request.method,
            headers: request.headers,
            ...(request.body !== undefined && { body: request.body }),
            credentials: request.credentials,
            initiator: chromiumInitiators[request.initiator],
            ...(request.mode !== undefined && { mode: request.mode }),
            ...(request.redirect !== undefined && { redirect: request.redirect }),
          },
          // A request whose connection the server closed got no response, although the server recorded it.
          responderFromExchanges(answeredExchanges(record.exchanges), { origins: recordOrigins(request, origins) }),
          { cache },
        );
        const chromiumIssues = browserReports.corsIssues.filter(isAttemptIssue).map((issue) => issue.corsError);
        const chromiumMessages = browserReports.consoleErrors.filter(about(attempt.url));
        // sendBeacon() reports no failure to the page, so only Chromium's issue shows a blocked beacon.
        const jsBlocked =
          request.initiator === 'beacon'
            ? chromiumIssues.length > 0
            : (await page.getByTestId('attempt').getAttribute('data-js')) === 'blocked';
        const lastSent = record.exchanges.at(-1);

        const chromiumLines = browserReports.consoleEntries.filter(entriesAbout(attempt.url)).map(({ text }) => text);
        const found = evaluation.outcome;
        // WebSockets are not subject to CORS, so the evaluator has nothing to judge; Chromium reports no CORS error.
        if (request.initiator === 'websocket') {
          expect(chromiumIssues).toEqual([]);
          return;
        }
        if (outcome.verdict === 'blocked' && !isCorsBlock(outcome)) {
          // The evaluator also knows the network errors of the fetch algorithm itself, such as a redirect
          // that redirect: 'error' refuses: then it must print what Chromium printed.
          if (found.verdict === 'blocked' && found.kind === 'network-error' && found.reason !== 'no-response') {
            expect(evaluation.consoleLines).toEqual(chromiumLines);
            return;
          }
          // Otherwise it judges only CORS. For a failure with another cause it must find either a response
          // that CORS would let through, or no response at all to judge: CORS is not what failed.
          const corsFindsNothing =
            evaluation.outcome.verdict !== 'blocked' ||
            (evaluation.outcome.kind === 'network-error' && evaluation.outcome.reason === 'no-response');
          expect(corsFindsNothing, `the evaluator found ${JSON.stringify(evaluation.outcome)}`).toBe(true);
          expect(evaluation.consoleMessage).toBeUndefined();
          return;
        }
        // A no-cors response reaches the page as an opaque one, which the evaluator names as such.
        const allowedVerdict = request.mode === 'no-cors' ? 'opaque' : 'allowed';
        expect(evaluation.verdict).toBe(jsBlocked ? 'blocked' : allowedVerdict);
        // A deliberate difference between Chromium and the Fetch Standard must be the one the catalog names.
        expect(evaluation.deviation?.rule).toBe(expected.deviation);
        if (expected.deviation === 'authorization-covered-by-wildcard') {
          expect(evaluation.standard?.outcome.verdict).toBe('blocked');
          await expect.poll(() => browserReports.deprecationIssues).toContain('AuthorizationCoveredByWildcard');
        }
        if (found.verdict === 'blocked' && found.kind === 'network-error' && found.rendererCorsError !== undefined) {
          // A mode the request may not use: Chromium rejects it before sending, files a CORS issue, and prints
          // the evaluator's lines and nothing else, not even `Failed to load resource`.
          expect([found.rendererCorsError]).toEqual(chromiumIssues.slice(earlier.corsErrors.length));
          expect(evaluation.consoleLines).toEqual(chromiumLines);
          expect(record.exchanges).toEqual([]);
          return;
        }
        if (evaluation.outcome.verdict === 'blocked') {
          expect(evaluation.outcome.kind).toBe('cors');
          if (evaluation.outcome.kind !== 'cors') return;
          expect([evaluation.outcome.corsError]).toEqual(chromiumIssues.slice(earlier.corsErrors.length));
          expect([evaluation.consoleMessage]).toEqual(chromiumMessages.slice(earlier.messages.length));
          // Chromium reports no stage, but a block at the preflight is one where the last request out was a
          // preflight: the request it asked for, at the first URL or after a redirect, never went out.
          expect(evaluation.outcome.stage === 'preflight').toBe(lastSent?.method === 'OPTIONS');
        } else {
          expect(evaluation.consoleMessage).toBeUndefined();
          expect(chromiumIssues).toEqual([...earlier.corsErrors, ...corsIssuesWhenAllowed]);
        }
      });

      const { signIn, target } = scenario.variants[variant].request;
      if (signIn !== undefined) {
        await test.step('the sign-in gave the browser its cookie', async () => {
          const cookies = await page.context().cookies(attempt.url);
          expect(cookies.map(({ name, value }) => `${name}=${value}`)).toContain(
            `${signIn.cookie.name}=${signIn.cookie.value}`,
          );
          await expect(page.getByTestId('sign-in-result')).toBeVisible();
        });
      }

      // A cookie that the route sets on a credentialed response is stored, even where JavaScript cannot read it.
      const routeCookie = scenario.variants[variant].server.response.headers['Set-Cookie'];
      if (routeCookie !== undefined && scenario.variants[variant].request.credentials === 'include') {
        await test.step("the route's cookie is in the cookie jar", async () => {
          const cookies = await page.context().cookies(attempt.url);
          // NOTE: a response from another site cannot set it, because Playwright's context blocks third-party cookies.
          expect(cookies.map(({ name, value }) => `${name}=${value}`)).toContain(routeCookie.split(';')[0]);
        });
      }

      // Where the page signed in, the cookie it got is either sent or kept off for the reasons the catalog names.
      if (signIn !== undefined || expected.blockedCookies !== undefined) {
        await test.step('Chromium keeps off the cookies the catalog names', async () => {
          const blocked = (expected.blockedCookies ?? []).map(({ name, reasons }) => ({ name, reasons }));
          await expect
            .poll(() =>
              browserReports.blockedCookies
                .filter((cookie) => cookie.url === attempt.url)
                .map(({ name, reasons }) => ({ name, reasons })),
            )
            .toEqual(blocked);
          await expect(page.getByTestId('blocked-cookie')).toHaveCount(blocked.length);
        });
      }

      const { symptoms } = expected;
      if (symptoms !== undefined) {
        await test.step('the page shows each symptom as the catalog expects', async () => {
          const rows = page.getByTestId('symptom');
          await expect(rows).toHaveCount(symptoms.length);
          for (const [index, symptom] of symptoms.entries()) {
            await expect(rows.nth(index)).toHaveAttribute('data-actual', JSON.stringify(symptom.value));
            await expect(rows.nth(index)).toHaveAttribute('data-matches', 'true');
            if (symptom.kind !== 'request-header') continue;
            // The server's record is the second witness of what the browser sent.
            const actual = record.exchanges.findLast(
              (exchange) => exchange.server === target && exchange.method !== 'OPTIONS',
            );
            const sent = actual?.requestHeaders.find(([name]) => name === symptom.name.toLowerCase())?.[1] ?? null;
            expect(sent, `${symptom.name} on the wire`).toBe(symptom.value);
          }
        });
      }

      const { fault } = outcome.verdict === 'blocked' ? outcome : { fault: undefined };
      if (fault !== undefined) {
        await test.step('the page highlights the fault', async () => {
          const role = fault.exchange;
          const hasRole = (exchange: ExpectedExchange) =>
            role === 'preflight' ? exchange.method === 'OPTIONS' : exchange.method !== 'OPTIONS';
          // The fault is on the server a redirect led to, when there was one.
          const faultServer = redirectedTo ?? scenario.request.target;
          const onFaultServer = expected.exchanges.findIndex(
            (exchange) => hasRole(exchange) && exchange.server === faultServer,
          );
          const index = onFaultServer === -1 ? expected.exchanges.findIndex(hasRole) : onFaultServer;
          const faulty = page.getByTestId('exchange').nth(index).locator('[data-fault]');
          await expect(faulty.first()).toBeVisible();
          if ('header' in fault) {
            await expect(faulty.first()).toContainText(fault.header, { ignoreCase: true });
          }
        });
      }
    });
  }
}

// A security fix must keep the legitimate app working: the request that the attacker's page can no longer
// read still works when the app page sends it.
for (const scenario of scenarios.filter(({ category }) => category === 'security')) {
  const { request } = scenario.variants.fixed;
  if ((request.page ?? { kind: 'app' }).kind === 'app') continue;
  if (request.initiator === 'websocket') {
    test(`${scenario.id} fixed still serves the app's WebSocket`, async ({ page, origins, playground }) => {
      await page.goto('/');
      // A trace of its own per run, so repeated runs against one server never share records.
      const trace = `app-${scenario.id.slice(0, 48)}-${Math.random().toString(36).slice(2, 10)}`;
      const url = `${requestOrigin(request, origins).replace(/^http:/, 'ws:')}/scenarios/${scenario.id}/fixed${request.path}?${traceParameter}=${trace}`;

      const message = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.addEventListener('message', (event) => resolve(String(event.data)));
            socket.addEventListener('close', (event) => resolve(`closed with code ${event.code}`));
          }),
        url,
      );

      expect(message, 'the app reads the message').toBe(JSON.stringify(scenario.variants.fixed.server.response.body));
      const { exchanges } = await playground.records(trace);
      expect(exchanges.map(({ method, status }) => ({ method, status }))).toEqual([{ method: 'GET', status: 101 }]);
    });
    continue;
  }
  if (request.initiator !== 'fetch') continue;

  test(`${scenario.id} fixed still answers the app`, async ({ page, origins, playground }) => {
    await page.goto('/');
    // A trace of its own per run, so repeated runs against one server never share records.
    const trace = `app-${scenario.id.slice(0, 48)}-${Math.random().toString(36).slice(2, 10)}`;
    const url = `${requestOrigin(request, origins)}/scenarios/${scenario.id}/fixed${request.path}?${traceParameter}=${trace}`;
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      credentials: request.credentials,
      ...(request.body !== undefined && { body: request.body }),
    };

    const status = await page.evaluate(async ([url, init]) => (await fetch(url, init)).status, [url, init] as const);

    expect(status, 'the app reads the response').toBe(scenario.variants.fixed.server.response.status);
    const { exchanges } = await playground.records(trace);
    expect(exchanges.map(({ method, status }) => ({ method, status }))).toEqual([
      { method: request.method, status: scenario.variants.fixed.server.response.status },
    ]);
  });
}

/**
 * Checks the CORS request headers that Chromium put on the wire: `Origin` on every request, the page
 * origin or the `null` the catalog expects after a tainting redirect, and on a preflight the method and
 * the CORS-unsafe header names it requests.
 */
function assertBrowserSentCorsHeaders(
  request: RequestSpec,
  exchanges: readonly { server: string; method: string; requestHeaders: readonly (readonly [string, string])[] }[],
  expectedExchanges: readonly ExpectedExchange[],
  appOrigin: string,
): void {
  for (const [index, exchange] of exchanges.entries()) {
    const header = (name: string) => exchange.requestHeaders.find(([key]) => key === name)?.[1];
    const expectedOrigin = expectedExchanges[index]?.origin ?? appOrigin;
    const origin = expectedOrigin === 'absent' ? undefined : expectedOrigin;
    expect(header('origin'), `Origin of the ${exchange.method} to ${exchange.server}`).toBe(origin);
    if (exchange.method !== 'OPTIONS') continue;

    expect(header('access-control-request-method')).toBe(request.method);
    // Chromium's safelist, which has a few client hints more than the standard's.
    const unsafeNames = corsUnsafeRequestHeaderNames(request.headers, 'chromium-156');
    expect(header('access-control-request-headers')).toBe(unsafeNames.length === 0 ? undefined : unsafeNames.join(','));
    // A preflight never carries credentials, which is why auth middleware must let it through.
    expect(header('authorization')).toBeUndefined();
    expect(header('cookie')).toBeUndefined();
  }
}
