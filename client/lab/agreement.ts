/**
 * The evaluator beside the browser: its prediction from the composed answers alone, and where the
 * browser's attempt differs from it, in what JavaScript got and in the requests that reached the servers.
 */
import { caseRequest, caseResponder, type Case } from '../../scenarios/case/index.ts';
import { evaluate, type Evaluation, type JsView } from '../../scenarios/evaluator/index.ts';
import { assertNever, type OriginMap } from '../../scenarios/index.ts';
import type { RecordedExchange } from '../../scenarios/records.ts';
import { exchangeRole } from '../exchanges.ts';
import type { JsOutcome } from '../send.ts';

/** Predicts the attempt from the case alone, as if the lab server answered each request as composed. */
export function predictCase(value: Case, origins: OriginMap, trace?: string): Evaluation {
  return evaluate(caseRequest(value, origins, trace), caseResponder(value, origins));
}

/** One point where the browser and the prediction differ. */
export interface Difference {
  readonly subject: 'javascript' | 'requests';
  readonly predicted: string;
  readonly actual: string;
}

/** The result the page's JavaScript got, in the terms that the prediction and the browser share. */
type JsSummary =
  | { readonly kind: 'failed'; readonly text: string }
  | { readonly kind: 'readable'; readonly status?: number }
  | { readonly kind: 'opaque' }
  /** `sendBeacon()` returns nothing about the response to the page. */
  | { readonly kind: 'queued' };

/**
 * Compares an attempt with the prediction made for the same URL, trace included. Records that a server
 * sent on itself, such as the proxy's request to the API, are left out: the browser never sends them.
 */
export function compareWithPrediction(
  prediction: Evaluation,
  js: JsOutcome,
  records: readonly RecordedExchange[],
  origins: OriginMap,
): Difference[] {
  const differences: Difference[] = [];

  const predicted = predictedJs(prediction.js);
  const actual = actualJs(js);
  if (actual.kind !== 'queued' && !sameJs(predicted, actual)) {
    differences.push({ subject: 'javascript', predicted: describeJs(predicted), actual: describeJs(actual) });
  }

  const predictedRequests = prediction.exchanges.map(
    ({ request }) => `${request.role === 'preflight' ? 'preflight' : 'request'} ${request.method} ${request.url}`,
  );
  const recordedRequests = records
    .filter((record) => !record.requestHeaders.some(([name]) => name === 'x-forwarded-host'))
    .map(
      (record) =>
        `${exchangeRole(record) === 'preflight' ? 'preflight' : 'request'} ${record.method} ${origins[record.server]}${record.url}`,
    );
  if (predictedRequests.join('\n') !== recordedRequests.join('\n')) {
    differences.push({
      subject: 'requests',
      predicted: listText(predictedRequests),
      actual: listText(recordedRequests),
    });
  }
  return differences;
}

function predictedJs(view: JsView): JsSummary {
  switch (view.kind) {
    case 'type-error':
      return { kind: 'failed', text: `TypeError: ${view.message}` };
    case 'error-event':
      return { kind: 'failed', text: view.description };
    case 'response':
      return { kind: 'readable', status: view.status };
    case 'opaque':
      return { kind: 'opaque' };
    default:
      return assertNever(view);
  }
}

function actualJs(js: JsOutcome): JsSummary {
  switch (js.kind) {
    case 'rejected':
      return { kind: 'failed', text: `${js.name}: ${js.message}` };
    case 'error-event':
      return { kind: 'failed', text: js.text };
    case 'response':
      return js.type === 'opaque' || js.type === 'opaqueredirect'
        ? { kind: 'opaque' }
        : { kind: 'readable', status: js.status };
    case 'loaded':
      return { kind: 'readable' };
    case 'beacon':
      return { kind: 'queued' };
    default:
      return assertNever(js);
  }
}

function sameJs(predicted: JsSummary, actual: JsSummary): boolean {
  if (predicted.kind !== actual.kind) return false;
  if (predicted.kind === 'readable' && actual.kind === 'readable') {
    return predicted.status === undefined || actual.status === undefined || predicted.status === actual.status;
  }
  return true;
}

function describeJs(summary: JsSummary): string {
  switch (summary.kind) {
    case 'failed':
      return `a failure (${summary.text})`;
    case 'readable':
      return summary.status === undefined ? 'a readable response' : `a readable ${summary.status} response`;
    case 'opaque':
      return 'an opaque response, with status 0 and nothing readable';
    case 'queued':
      return 'a queued beacon';
    default:
      return assertNever(summary);
  }
}

function listText(lines: readonly string[]): string {
  return lines.length === 0 ? '(none)' : lines.join('\n');
}
