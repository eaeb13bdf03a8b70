/** The output of `cors-playground check`: each request and response, then the verdict and the fix. */
import type { CorsRequest, Evaluation, Exchange } from '../../scenarios/evaluator/types.ts';
import type { NetworkError } from './http-responder.ts';

export function formatCheck(request: CorsRequest, evaluation: Evaluation, errors: readonly NetworkError[]): string {
  const lines: string[] = [];
  lines.push(`Checking ${request.method} ${request.url} from a page at ${request.origin}`);
  evaluation.exchanges.forEach((exchange, index) => {
    lines.push('', ...describeExchange(index + 1, exchange));
  });
  for (const error of errors) lines.push('', `Network error: ${error.method} ${error.url}: ${error.message}`);
  if (evaluation.exchanges.length === 0 && errors.length === 0) lines.push('', 'The browser would send no request.');

  lines.push('', `Verdict: ${describeVerdict(evaluation)}`);
  if (evaluation.consoleMessage !== undefined) lines.push(`Chromium's console: ${evaluation.consoleMessage}`);
  if (evaluation.verdict === 'blocked') lines.push(`Fix: ${evaluation.explanation}`);
  else lines.push(evaluation.explanation);
  if (evaluation.deviation !== undefined) lines.push(`Note: ${evaluation.deviation.note}`);
  return lines.join('\n');
}

export function checkJson(
  request: CorsRequest,
  evaluation: Evaluation,
  errors: readonly NetworkError[],
  exitCode: number,
): unknown {
  return {
    request,
    exchanges: evaluation.exchanges.map(({ request: sent, response }) => ({
      role: sent.role,
      hop: sent.hop,
      method: sent.method,
      url: sent.url,
      requestHeaders: sent.headers,
      ...(response !== undefined && { status: response.status, responseHeaders: response.headers }),
    })),
    networkErrors: errors,
    verdict: evaluation.verdict,
    outcome: evaluation.outcome,
    ...(evaluation.consoleMessage !== undefined && { consoleMessage: evaluation.consoleMessage }),
    explanation: evaluation.explanation,
    exitCode,
  };
}

function describeVerdict(evaluation: Evaluation): string {
  const { outcome } = evaluation;
  switch (outcome.verdict) {
    case 'allowed':
      return `allowed: the page can read the ${outcome.status} response`;
    case 'opaque':
      return 'opaque: the page gets a response it cannot read';
    case 'blocked':
      if (outcome.kind === 'cors') return `blocked by CORS at the ${outcome.stage} (${outcome.corsError})`;
      if (outcome.kind === 'network-error') return `blocked: network error at the ${outcome.stage} (${outcome.reason})`;
      return `blocked before sending: ${outcome.message}`;
    default:
      return 'unknown';
  }
}

/** CORS response headers, which decide the verdict, and Location, which a redirect follows. */
const shownResponseHeader = /^(access-control-|vary$|location$)/;

function describeExchange(position: number, { request, response }: Exchange): string[] {
  const role =
    request.role === 'preflight'
      ? 'preflight'
      : request.hop === 0
        ? 'request'
        : `request after redirect ${request.hop}`;
  const lines = [`${position}. ${request.method} ${request.url}  (${role})`];
  for (const [name, value] of request.headers) lines.push(`     > ${name}: ${value}`);
  if (response === undefined) {
    lines.push('   no response');
    return lines;
  }
  lines.push(`   -> ${response.status}`);
  const shown = response.headers.filter(([name]) => shownResponseHeader.test(name));
  for (const [name, value] of shown) lines.push(`     < ${name}: ${value}`);
  if (shown.length === 0) lines.push('     < (no CORS headers)');
  return lines;
}
