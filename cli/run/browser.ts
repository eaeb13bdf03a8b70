/**
 * Runs a case in headless Chromium: a blank page on the app origin frames the playground's runner
 * page at the case's page origin (or a sandboxed frame for `null`), posts it the request, and
 * collects what the page's JavaScript saw, the console errors and the DevTools CORS issues.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../e2e/chromium.ts';
import { pageOrigin, type Case } from '../../scenarios/case/index.ts';
import type { OriginMap } from '../../scenarios/origins.ts';
import { runnerPath, runnerScriptPath } from '../../scenarios/runner-protocol.ts';
import type { RequestSpec } from '../../scenarios/types.ts';
import { hostPagePath } from './lab-servers.ts';

/** What the page's JavaScript observed, as the runner reports it (`JsOutcome` in client/send.ts). */
export type PageOutcome =
  | { readonly kind: 'rejected'; readonly name: string; readonly message: string }
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly statusText: string;
      readonly type?: string;
      readonly headers: readonly (readonly [string, string])[];
      readonly body: string;
    }
  | { readonly kind: 'error-event'; readonly text: string }
  | { readonly kind: 'loaded'; readonly text: string }
  | { readonly kind: 'beacon'; readonly queued: boolean };

export interface CorsIssue {
  readonly corsError: string;
  readonly url: string;
}

export interface BrowserRun {
  readonly js: PageOutcome;
  /** Text of every console message of type error, in order. */
  readonly consoleErrors: readonly string[];
  readonly corsIssues: readonly CorsIssue[];
}

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

/** How long the page may take to load the runner and send the request. */
const runTimeoutMs = 15_000;

/** DevTools issues arrive over CDP after the page's JavaScript has seen the failure; this is how long to wait for one. */
const issueGraceMs = 500;

export class CaseBrowser {
  readonly #browser: Browser;

  private constructor(browser: Browser) {
    this.#browser = browser;
  }

  static async launch(): Promise<CaseBrowser> {
    const executablePath = chromiumExecutable();
    const browser = await chromium.launch({
      args: chromiumArgs(),
      ...(executablePath !== undefined && { executablePath }),
    });
    return new CaseBrowser(browser);
  }

  async close(): Promise<void> {
    await this.#browser.close();
  }

  /** Sends the case's request from its page origin, in a fresh browser context, so no cookie or cache carries over. */
  async run(value: Case, url: string, origins: OriginMap): Promise<BrowserRun> {
    const context = await this.#browser.newContext();
    try {
      const page = await context.newPage();
      const reports = { consoleErrors: [] as string[], corsIssues: [] as CorsIssue[] };
      page.on('console', (message) => {
        if (message.type() === 'error') reports.consoleErrors.push(message.text());
      });
      await listenForIssues(await context.newCDPSession(page), reports.corsIssues);

      await page.goto(`${origins.app}${hostPagePath}`);
      // tsx compiles this file with esbuild's keepNames, which wraps the functions passed to
      // page.evaluate() in calls to a __name helper that exists only in Node, so the host page gets one.
      await page.evaluate('globalThis.__name = (target) => target');
      await openRunnerFrame(page, value, origins);
      // A frame on another site runs in its own process, whose DevTools issues reach only its own session.
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        try {
          await listenForIssues(await context.newCDPSession(frame), reports.corsIssues);
        } catch {
          // The frame shares the page's process, and so its session.
        }
      }

      const js = await sendFromFrame(page, url, runnerRequest(value));
      if (isFailure(js) || js.kind === 'beacon') await page.waitForTimeout(issueGraceMs);
      return { js, ...reports };
    } finally {
      await context.close();
    }
  }
}

async function listenForIssues(cdp: CDPSession, issues: CorsIssue[]): Promise<void> {
  cdp.on('Audits.issueAdded', (event: IssueEvent) => {
    const details = event.issue.details.corsIssueDetails;
    if (event.issue.code === 'CorsIssue' && details !== undefined) {
      issues.push({ corsError: details.corsErrorStatus.corsError, url: details.request.url });
    }
  });
  await cdp.send('Audits.enable');
}

function isFailure(js: PageOutcome): boolean {
  return js.kind === 'rejected' || js.kind === 'error-event';
}

/** The runner's request: the case's request, with headers as a record, as fetch() options take them. */
function runnerRequest(value: Case): RequestSpec {
  const { request } = value;
  const headers: Record<string, string> = {};
  // Headers.append combines a repeated name the same way, with ", ".
  for (const [name, headerValue] of request.headers) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing === undefined) headers[name] = headerValue;
    else headers[existing] = `${headers[existing]}, ${headerValue}`;
  }
  return {
    initiator: request.initiator,
    target: request.target,
    path: '',
    method: request.method,
    headers,
    ...(request.body !== undefined && { body: request.body }),
    credentials: request.credentials,
    mode: request.mode,
    redirect: request.redirect,
  };
}

/** Adds the runner iframe to the host page and waits until its script reports that it is ready. */
async function openRunnerFrame(page: Page, value: Case, origins: OriginMap): Promise<void> {
  const origin = pageOrigin(value, origins);
  const frame =
    origin === 'null'
      ? { sandboxed: true, src: '', scriptUrl: `${origins.api}${runnerScriptPath}`, origin }
      : { sandboxed: false, src: `${origin}${runnerPath}`, scriptUrl: '', origin };

  await page.evaluate(
    ({ frame, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        const iframe = document.createElement('iframe');
        const timer = setTimeout(
          () => reject(new Error(`The runner page at ${frame.origin} did not load within ${timeoutMs} ms.`)),
          timeoutMs,
        );
        const onReady = (event: MessageEvent<{ type?: string }>) => {
          if (event.source !== iframe.contentWindow || event.data?.type !== 'cors-playground:ready') return;
          window.removeEventListener('message', onReady);
          clearTimeout(timer);
          resolve();
        };
        window.addEventListener('message', onReady);
        if (frame.sandboxed) {
          // Without allow-same-origin the frame's origin is opaque, so its requests carry Origin: null.
          iframe.sandbox.add('allow-scripts');
          const script = document.createElement('script');
          script.src = frame.scriptUrl;
          script.dataset.appOrigin = window.location.origin;
          iframe.srcdoc = `<!doctype html>${script.outerHTML}`;
        } else {
          iframe.src = frame.src;
        }
        (window as unknown as { runnerFrame: HTMLIFrameElement }).runnerFrame = iframe;
        document.body.append(iframe);
      }),
    { frame, timeoutMs: runTimeoutMs },
  );
}

/** Posts the request to the runner frame and returns what its JavaScript observed. */
function sendFromFrame(page: Page, url: string, request: RequestSpec): Promise<PageOutcome> {
  return page.evaluate(
    ({ url, request, timeoutMs }) =>
      new Promise<PageOutcome>((resolve, reject) => {
        const iframe = (window as unknown as { runnerFrame: HTMLIFrameElement }).runnerFrame;
        const id = `run-${Date.now()}`;
        const timer = setTimeout(
          () => reject(new Error(`The runner page sent no result within ${timeoutMs} ms.`)),
          timeoutMs,
        );
        const onResult = (event: MessageEvent<{ type?: string; id?: string; outcome?: PageOutcome }>) => {
          if (event.source !== iframe.contentWindow || event.data?.type !== 'cors-playground:result') return;
          if (event.data.id !== id || event.data.outcome === undefined) return;
          window.removeEventListener('message', onResult);
          clearTimeout(timer);
          resolve(event.data.outcome);
        };
        window.addEventListener('message', onResult);
        // An opaque origin cannot be named as the target, so the sandboxed frame gets '*'.
        iframe.contentWindow?.postMessage({ type: 'cors-playground:run', id, url, request }, '*');
      }),
    { url, request, timeoutMs: runTimeoutMs },
  );
}
