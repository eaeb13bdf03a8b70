import { test as base, expect, type CDPSession, type Frame, type Page } from '@playwright/test';
import type { OriginMap } from '../scenarios/origins.ts';
import { recordsPath, type TraceRecord } from '../scenarios/records.ts';
import { findScenario } from '../scenarios/index.ts';
import type { VariantName } from '../scenarios/types.ts';
import { e2eOrigins } from './origins.ts';

/** A DevTools CORS issue, as CDP `Audits.issueAdded` reports it. */
export interface CorsIssue {
  readonly corsError: string;
  readonly url: string;
}

/** A console message of type error, with the URL Chromium attaches to it, such as the failed request's. */
export interface ConsoleEntry {
  readonly text: string;
  readonly url: string;
}

/** A DevTools issue of any code, by the field that says why (see `DevToolsIssue` in the catalog's types). */
export interface AnyIssue {
  readonly code: string;
  readonly reason: string;
  /** The URL the issue is about: the request's, or the blocked URL. */
  readonly url: string;
}

/** A cookie that Chromium kept off a request, as CDP `Network.requestWillBeSentExtraInfo` lists it. */
export interface BlockedCookieReport {
  /** The request's URL. */
  readonly url: string;
  readonly name: string;
  /** `blockedReasons`, such as `SchemefulSameSiteLax`, in Chromium's order. */
  readonly reasons: readonly string[];
}

/** What the browser reported outside the page's JavaScript while a test ran. */
export interface BrowserReports {
  /** Text of every console message of type error, in order. */
  readonly consoleErrors: string[];
  /** Every console message of type error, in order, with its URL. */
  readonly consoleEntries: ConsoleEntry[];
  readonly corsIssues: CorsIssue[];
  /** Every DevTools issue that names a request or a blocked URL, CORS issues included. */
  readonly issues: AnyIssue[];
  /** `deprecationIssueDetails.type` of every DevTools deprecation issue, such as `AuthorizationCoveredByWildcard`. */
  readonly deprecationIssues: string[];
  /** Every cookie that Chromium kept off a request of the page, as the Network panel's Cookies tab lists it. */
  readonly blockedCookies: BlockedCookieReport[];
}

/** The attempt a scenario page shows after "Send request". */
export interface Attempt {
  /** The exact URL the page fetched, trace id included. */
  readonly url: string;
  readonly trace: string;
  /** The URL of the document that sent the request: the app page, or the frame that the attempt names. */
  readonly page: string;
  /** That document's origin, `null` when it is opaque. */
  readonly pageOrigin: string;
}

interface IssueEvent {
  readonly issue: {
    readonly code: string;
    readonly details: {
      readonly corsIssueDetails?: {
        readonly corsErrorStatus: { readonly corsError: string };
        readonly request: { readonly url: string };
      };
      readonly deprecationIssueDetails?: { readonly type: string };
      readonly contentSecurityPolicyIssueDetails?: {
        readonly blockedURL?: string;
        readonly contentSecurityPolicyViolationType: string;
      };
      readonly mixedContentIssueDetails?: {
        readonly insecureURL: string;
        readonly resolutionStatus: string;
      };
      readonly blockedByResponseIssueDetails?: {
        readonly request: { readonly url: string };
        readonly reason: string;
      };
    };
  };
}

export const test = base.extend<{
  origins: OriginMap;
  browserReports: BrowserReports;
  playground: Playground;
}>({
  origins: async ({}, use) => {
    await use(e2eOrigins);
  },

  browserReports: async ({ page }, use) => {
    const reports: BrowserReports = {
      consoleErrors: [],
      consoleEntries: [],
      corsIssues: [],
      issues: [],
      deprecationIssues: [],
      blockedCookies: [],
    };
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      reports.consoleErrors.push(message.text());
      reports.consoleEntries.push({ text: message.text(), url: message.location().url });
    });
    const onIssue = (event: IssueEvent) => {
      const { corsIssueDetails, deprecationIssueDetails } = event.issue.details;
      if (event.issue.code === 'CorsIssue' && corsIssueDetails !== undefined) {
        reports.corsIssues.push({
          corsError: corsIssueDetails.corsErrorStatus.corsError,
          url: corsIssueDetails.request.url,
        });
      }
      if (event.issue.code === 'DeprecationIssue' && deprecationIssueDetails !== undefined) {
        reports.deprecationIssues.push(deprecationIssueDetails.type);
      }
      const issue = describeIssue(event);
      if (issue !== undefined) reports.issues.push(issue);
    };
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Audits.issueAdded', onIssue);
    await cdp.send('Audits.enable');
    await recordBlockedCookies(cdp, reports.blockedCookies);

    // Chromium runs a cross-site iframe in a process of its own (an out-of-process iframe), and reports the
    // issues of that frame's requests on the frame's own CDP session only. Audits.enable replays the issues
    // the frame raised before the session attached. Sandboxed frames stay in their parent's process (see
    // chromiumArgs).
    const framesSeen = new WeakSet<Frame>();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() || framesSeen.has(frame)) return;
      framesSeen.add(frame);
      void attachFrameSession(page, frame, onIssue);
    });
    await use(reports);
  },

  playground: async ({ page, origins }, use) => {
    await use(new Playground(page, origins));
  },
});

/**
 * Listens for the DevTools issues of an out-of-process iframe. Playwright refuses a CDP session for a frame
 * that shares its parent's process, whose issues the page's own session already reports. A frame may move
 * to a process of its own only after its first navigation event, so a refused session is tried again a few
 * times while the frame is attached.
 */
async function attachFrameSession(page: Page, frame: Frame, onIssue: (event: IssueEvent) => void): Promise<void> {
  for (let attempt = 0; attempt < 10 && !frame.isDetached(); attempt++) {
    try {
      const session = await page.context().newCDPSession(frame);
      session.on('Audits.issueAdded', onIssue);
      await session.send('Audits.enable');
      return;
    } catch {
      // Not an out-of-process iframe yet, or already detached.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface RequestSentEvent {
  readonly requestId: string;
  readonly request: { readonly url: string };
}

interface RequestExtraInfoEvent {
  readonly requestId: string;
  readonly associatedCookies: readonly {
    readonly blockedReasons: readonly string[];
    readonly cookie: { readonly name: string };
  }[];
}

/**
 * Collects the cookies Chromium kept off each request. The extra-info event names the request only by id,
 * and may come before or after the event with its URL, so both are joined once both arrived.
 */
async function recordBlockedCookies(cdp: CDPSession, reports: BlockedCookieReport[]): Promise<void> {
  const urls = new Map<string, string>();
  const waiting = new Map<string, RequestExtraInfoEvent>();
  const report = (url: string, event: RequestExtraInfoEvent) => {
    for (const { cookie, blockedReasons } of event.associatedCookies) {
      if (blockedReasons.length > 0) reports.push({ url, name: cookie.name, reasons: blockedReasons });
    }
  };
  cdp.on('Network.requestWillBeSent', (event: RequestSentEvent) => {
    urls.set(event.requestId, event.request.url);
    const extra = waiting.get(event.requestId);
    if (extra === undefined) return;
    waiting.delete(event.requestId);
    report(event.request.url, extra);
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (event: RequestExtraInfoEvent) => {
    const url = urls.get(event.requestId);
    if (url === undefined) waiting.set(event.requestId, event);
    else report(url, event);
  });
  await cdp.send('Network.enable');
}

/** Reads the code, reason and URL of the issue kinds that a failed request can raise. */
function describeIssue({ issue }: IssueEvent): AnyIssue | undefined {
  const { code, details } = issue;
  const cors = details.corsIssueDetails;
  if (cors !== undefined) return { code, reason: cors.corsErrorStatus.corsError, url: cors.request.url };
  const csp = details.contentSecurityPolicyIssueDetails;
  if (csp !== undefined) return { code, reason: csp.contentSecurityPolicyViolationType, url: csp.blockedURL ?? '' };
  const mixed = details.mixedContentIssueDetails;
  if (mixed !== undefined) return { code, reason: mixed.resolutionStatus, url: mixed.insecureURL };
  const blocked = details.blockedByResponseIssueDetails;
  if (blocked !== undefined) return { code, reason: blocked.reason, url: blocked.request.url };
  return undefined;
}

/** Drives the playground's UI the way a learner does. */
export class Playground {
  constructor(
    readonly page: Page,
    readonly origins: OriginMap,
  ) {}

  async open(scenarioId: string, variant: VariantName): Promise<void> {
    const permissions = findScenario(scenarioId)?.variants[variant].request.permissions;
    if (permissions !== undefined) {
      // As if the user had allowed the browser's prompt. Chromium 156 keys the permission by the tab's
      // top-level origin, the app's, also for a request from a frame: a grant to the frame's origin does nothing.
      await this.page.context().grantPermissions([...permissions], { origin: this.origins.app });
    }
    await this.page.goto(`/#/scenarios/${scenarioId}/${variant}`);
  }

  /** Clicks "Send request" and waits until the page shows the result and the servers' records. */
  async send(): Promise<Attempt> {
    await this.page.getByRole('button', { name: 'Send request' }).click();
    const attempt = this.page.getByTestId('attempt');
    await expect(attempt).toHaveAttribute('data-state', 'done');
    const url = await attempt.getAttribute('data-url');
    const trace = await attempt.getAttribute('data-trace');
    expect(url, 'the attempt shows the URL it fetched').toBeTruthy();
    expect(trace, 'the attempt shows its trace id').toBeTruthy();
    const page = (await attempt.getAttribute('data-page')) ?? this.page.url();
    const pageOrigin = (await attempt.getAttribute('data-page-origin')) ?? this.origins.app;
    return { url: url!, trace: trace!, page, pageOrigin };
  }

  /** Reads the servers' records for a trace directly, as a second witness beside the UI. */
  async records(trace: string): Promise<TraceRecord> {
    const response = await this.page.request.get(`${this.origins.api}${recordsPath}/${trace}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as TraceRecord;
  }
}

export { expect };
