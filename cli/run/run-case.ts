/**
 * Runs one case in Chromium against the lab, then checks the browser's outcome against the
 * evaluator's, fed with what the servers recorded, and against the case's expected outcome.
 */
import { caseRequest, caseUrl, pageOrigin, type Case, type CaseExpected } from '../../scenarios/case/index.ts';
import { evaluate, responderFromExchanges, type Evaluation } from '../../scenarios/evaluator/index.ts';
import { newTraceId, type RecordedExchange } from '../../scenarios/records.ts';
import type { BrowserRun, CaseBrowser } from './browser.ts';
import type { LabServers } from './lab-servers.ts';

export type RunVerdict = 'allowed' | 'blocked' | 'opaque';

export interface BrowserVerdict {
  readonly verdict: RunVerdict;
  /** The DevTools issue's corsError, when Chromium reported a CORS issue. */
  readonly corsError?: string;
  /** The console line that says why CORS blocked the request. */
  readonly consoleMessage?: string;
}

export interface EvaluatorVerdict {
  readonly verdict: RunVerdict;
  readonly stage?: string;
  readonly corsError?: string;
  readonly consoleMessage?: string;
  /** What the browser did, why, and what to change. */
  readonly explanation: string;
}

export interface CaseRun {
  readonly file: string;
  readonly name?: string;
  readonly title?: string;
  readonly trace: string;
  readonly pageOrigin: string;
  readonly method: string;
  readonly url: string;
  readonly browser: BrowserVerdict & Omit<BrowserRun, 'corsIssues'> & { readonly corsIssues: BrowserRun['corsIssues'] };
  readonly evaluator: EvaluatorVerdict;
  readonly records: readonly RecordedExchange[];
  readonly expected?: CaseExpected;
  /** Where the evaluator disagrees with the browser; empty when they agree. */
  readonly disagreements: readonly string[];
  /** Where the outcome misses the expected one; empty when it is met or none is given. */
  readonly unmet: readonly string[];
  readonly ok: boolean;
}

/** How long the records of a beacon may keep changing: sendBeacon() returns before anything is sent. */
const recordsSettleMs = 300;
const recordsTimeoutMs = 3000;

export async function runCase(file: string, value: Case, servers: LabServers, browser: CaseBrowser): Promise<CaseRun> {
  const { origins } = servers;
  const trace = newTraceId();
  const url = caseUrl(value, origins, trace);

  const run = await browser.run(value, url, origins);
  const records = await settledRecords(servers, trace, value.request.initiator === 'beacon');
  const browserVerdict = judgeBrowser(run, value);
  const evaluation = evaluate(caseRequest(value, origins, trace), responderFromExchanges(records, { origins }));
  const evaluatorVerdict = judgeEvaluation(evaluation);

  const disagreements = compare(browserVerdict, evaluatorVerdict);
  const unmet = value.expected === undefined ? [] : checkExpected(value.expected, browserVerdict, evaluatorVerdict);
  return {
    file,
    ...(value.name !== undefined && { name: value.name }),
    ...(value.title !== undefined && { title: value.title }),
    trace,
    pageOrigin: pageOrigin(value, origins),
    method: value.request.method,
    url,
    browser: { ...browserVerdict, ...run },
    evaluator: evaluatorVerdict,
    records,
    ...(value.expected !== undefined && { expected: value.expected }),
    disagreements,
    unmet,
    ok: disagreements.length === 0 && unmet.length === 0,
  };
}

async function settledRecords(servers: LabServers, trace: string, isBeacon: boolean): Promise<RecordedExchange[]> {
  let previous = servers.store.get(trace).exchanges;
  if (!isBeacon) return [...previous];
  const deadline = Date.now() + recordsTimeoutMs;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, recordsSettleMs));
    const current = servers.store.get(trace).exchanges;
    if ((current.length === previous.length && current.length > 0) || Date.now() > deadline) return [...current];
    previous = current;
  }
}

/** Chromium prints this phrase in every console message about a CORS block. */
const corsConsolePhrase = 'has been blocked by CORS policy';

function judgeBrowser(run: BrowserRun, value: Case): BrowserVerdict {
  const corsError = run.corsIssues[0]?.corsError;
  const consoleMessage = run.consoleErrors.find((line) => line.includes(corsConsolePhrase));
  return {
    verdict: browserVerdict(run, value, corsError),
    ...(corsError !== undefined && { corsError }),
    ...(consoleMessage !== undefined && { consoleMessage }),
  };
}

function browserVerdict(run: BrowserRun, value: Case, corsError: string | undefined): RunVerdict {
  switch (run.js.kind) {
    case 'rejected':
    case 'error-event':
      return 'blocked';
    case 'loaded':
      return 'allowed';
    case 'response':
      // An opaque response, from no-cors mode or a manual redirect, shows status 0 to JavaScript.
      return run.js.status === 0 && (value.request.mode === 'no-cors' || value.request.redirect === 'manual')
        ? 'opaque'
        : 'allowed';
    case 'beacon':
      // sendBeacon() returns true before any CORS check, so only a DevTools issue tells a block apart.
      return corsError === undefined && run.consoleErrors.length === 0 ? 'allowed' : 'blocked';
    default:
      return 'blocked';
  }
}

function judgeEvaluation(evaluation: Evaluation): EvaluatorVerdict {
  const { outcome } = evaluation;
  const corsError =
    outcome.verdict !== 'blocked'
      ? undefined
      : outcome.kind === 'cors'
        ? outcome.corsError
        : outcome.kind === 'network-error'
          ? outcome.rendererCorsError
          : undefined;
  return {
    verdict: outcome.verdict,
    ...(outcome.verdict === 'blocked' && { stage: outcome.stage }),
    ...(corsError !== undefined && { corsError }),
    ...(evaluation.consoleMessage !== undefined && { consoleMessage: evaluation.consoleMessage }),
    explanation: evaluation.explanation,
  };
}

/** Lists where the evaluator's verdict differs from the browser's; a case with any difference fails. */
export function compare(browser: BrowserVerdict, evaluator: EvaluatorVerdict): string[] {
  const differences: string[] = [];
  if (browser.verdict !== evaluator.verdict) {
    differences.push(`verdict: the browser says ${browser.verdict}, the evaluator ${evaluator.verdict}`);
  }
  if (browser.corsError !== evaluator.corsError) {
    differences.push(
      `corsError: the browser reports ${browser.corsError ?? 'none'}, the evaluator ${evaluator.corsError ?? 'none'}`,
    );
  }
  if (evaluator.consoleMessage !== undefined && browser.consoleMessage !== evaluator.consoleMessage) {
    differences.push(
      `console message: the browser printed ${JSON.stringify(browser.consoleMessage ?? 'none')}, the evaluator expects ${JSON.stringify(evaluator.consoleMessage)}`,
    );
  }
  return differences;
}

/** The browser decides the verdict and corsError; Chromium reports no stage, so the stage is the evaluator's. */
function checkExpected(expected: CaseExpected, browser: BrowserVerdict, evaluator: EvaluatorVerdict): string[] {
  const unmet: string[] = [];
  if (expected.verdict !== browser.verdict) unmet.push(`verdict: expected ${expected.verdict}, got ${browser.verdict}`);
  if (expected.corsError !== undefined && expected.corsError !== browser.corsError) {
    unmet.push(`corsError: expected ${expected.corsError}, got ${browser.corsError ?? 'none'}`);
  }
  if (expected.stage !== undefined && expected.stage !== evaluator.stage) {
    unmet.push(`stage: expected ${expected.stage}, the evaluator found ${evaluator.stage ?? 'none'}`);
  }
  return unmet;
}
