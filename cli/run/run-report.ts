/** The text report of `cors-playground run`, one block per case. */
import type { RecordedExchange } from '../../scenarios/records.ts';
import type { PageOutcome } from './browser.ts';
import type { CaseRun, EvaluatorVerdict } from './run-case.ts';

/** Shortens a lab URL to its origin and hop, because the encoded answers make it hundreds of characters long. */
export function shortLabUrl(url: string): string {
  return url.replace(/\/lab\/(\d+)\/[A-Za-z0-9_-]+/g, '/lab/$1/…').replace(/\?trace=[A-Za-z0-9_-]+/g, '');
}

export function formatCaseRun(run: CaseRun): string {
  const lines: string[] = [];
  lines.push(`${run.ok ? 'PASS' : 'FAIL'}  ${run.name ?? run.file}${run.title === undefined ? '' : `: ${run.title}`}`);
  lines.push(`  request    ${run.method} ${shortLabUrl(run.url)} from the page at ${run.pageOrigin}`);
  lines.push(
    `  browser    ${run.browser.verdict}${run.browser.corsError === undefined ? '' : ` (${run.browser.corsError})`}`,
  );
  lines.push(`  js         ${describeJs(run.browser.js)}`);
  if (run.browser.consoleMessage !== undefined) lines.push(`  console    ${shortLabUrl(run.browser.consoleMessage)}`);
  lines.push(`  evaluator  ${describeEvaluator(run.evaluator)}`);
  if (run.expected !== undefined) {
    const { verdict, stage, corsError } = run.expected;
    const expectedText = [verdict, stage && `at the ${stage}`, corsError && `(${corsError})`].filter(Boolean).join(' ');
    lines.push(`  expected   ${expectedText}: ${run.unmet.length === 0 ? 'met' : 'NOT MET'}`);
  }
  lines.push('  received');
  for (const exchange of run.records) lines.push(`    ${describeExchange(exchange)}`);
  if (run.records.length === 0) lines.push('    nothing: no request reached a server');
  if (run.browser.verdict === 'blocked') lines.push(`  why        ${shortLabUrl(run.evaluator.explanation)}`);
  for (const difference of run.disagreements) lines.push(`  DISAGREES  ${difference}`);
  for (const miss of run.unmet) lines.push(`  UNMET      ${miss}`);
  return lines.join('\n');
}

export function formatSummary(runs: readonly CaseRun[]): string {
  const passed = runs.filter((run) => run.ok).length;
  return `${passed} passed, ${runs.length - passed} failed`;
}

function describeEvaluator(evaluator: EvaluatorVerdict): string {
  const parts: string[] = [evaluator.verdict];
  if (evaluator.stage !== undefined) parts.push(`at the ${evaluator.stage}`);
  if (evaluator.corsError !== undefined) parts.push(`(${evaluator.corsError})`);
  return parts.join(' ');
}

function describeJs(js: PageOutcome): string {
  switch (js.kind) {
    case 'rejected':
      return `${js.name}: ${js.message}`;
    case 'response':
      return `response ${js.status}${js.statusText === '' ? '' : ` ${js.statusText}`}`;
    case 'error-event':
    case 'loaded':
      return js.text;
    case 'beacon':
      return `sendBeacon() returned ${js.queued}`;
    default:
      return JSON.stringify(js);
  }
}

/** CORS response headers, which decide the verdict, and Location, which a redirect follows. */
const shownHeader = /^(access-control-|vary$|location$)/;

function describeExchange(exchange: RecordedExchange): string {
  const headers = exchange.responseHeaders
    .filter(([name]) => shownHeader.test(name))
    .map(([name, value]) => `${name}: ${shortLabUrl(value)}`);
  const origin = exchange.requestHeaders.find(([name]) => name === 'origin')?.[1];
  const request = `${exchange.sequence}. ${exchange.server} ${exchange.method} ${shortLabUrl(exchange.url)}`;
  const originText = origin === undefined ? 'no Origin' : `Origin: ${origin}`;
  return `${request} (${originText}) -> ${exchange.status}${headers.length === 0 ? '' : `; ${headers.join('; ')}`}`;
}
