/**
 * Sends a variant's earlier sends (see `EarlierSend` in scenarios/types.ts): the same request, to the same
 * URL and trace id, from the page each one names, before the attempt that the inspector shows. The URL must
 * stay the same, because the browser's preflight cache and a shared HTTP cache are both keyed by it.
 */
import { fillOrigins } from '../scenarios/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';
import { runAttempt, type Attempt, type AttemptRequest } from './attempt.ts';
import { sendFromPage } from './frame-runner.ts';
import { readRecords, requestUrl, type JsOutcome } from './send.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface EarlierSendResult {
  /** Origin of the page that sent the request. */
  readonly pageOrigin: string;
  readonly js: JsOutcome;
  /** The servers' records of this send alone, empty when reading the records failed. */
  readonly exchanges: readonly RecordedExchange[];
  /** The reason reading the records failed, when it failed. */
  readonly recordsError?: string;
}

/**
 * Runs the earlier sends in order and reports each result to `onResult`. Returns how many exchanges the
 * servers recorded for them, so that the last send's records can leave those out.
 */
export async function runEarlierSends(
  { scenario, variant, origins, trace }: AttemptRequest,
  onResult: (result: EarlierSendResult) => void,
  fetchFn?: Fetch,
): Promise<number> {
  const { request, expected } = scenario.variants[variant];
  const url = requestUrl(origins, scenario, variant, trace);
  let recorded = 0;

  for (const send of expected.earlierSends ?? []) {
    const page = send.page ?? request.page ?? { kind: 'app' };
    const js = await sendFromPage(url, { ...request, page }, { origins, scenarioId: scenario.id, variant }, fetchFn);
    const records = await readRecords(origins, trace, fetchFn);
    const pageOrigin =
      page.kind === 'frame' ? fillOrigins(page.origin, origins) : page.kind === 'app' ? origins.app : 'null';
    if (!records.ok) {
      onResult({ pageOrigin, js, exchanges: [], recordsError: records.error });
      continue;
    }
    const all = records.record.exchanges;
    onResult({ pageOrigin, js, exchanges: all.slice(recorded) });
    recorded = all.length;
  }
  return recorded;
}

/** Leaves out of an attempt's records the exchanges of the sends before it. */
export function withoutEarlierExchanges(attempt: Attempt, earlierExchanges: number): Attempt {
  if (attempt.records === undefined || earlierExchanges === 0) return attempt;
  return { ...attempt, records: { ...attempt.records, exchanges: attempt.records.exchanges.slice(earlierExchanges) } };
}

/**
 * Runs the variant's earlier sends, reporting each to `onEarlierSend`, then the attempt that the inspector
 * shows, whose records hold only its own exchanges. Without earlier sends it is `runAttempt` itself.
 */
export async function runAttemptAfterEarlierSends(
  request: AttemptRequest & { readonly onEarlierSend: (result: EarlierSendResult) => void },
  onChange: (attempt: Attempt) => void,
  fetchFn?: Fetch,
): Promise<Attempt> {
  const earlierSends: EarlierSendResult[] = [];
  const earlierExchanges = await runEarlierSends(
    request,
    (result) => {
      earlierSends.push(result);
      request.onEarlierSend(result);
    },
    fetchFn,
  );
  return runAttempt(
    request,
    (attempt) => {
      const own = withoutEarlierExchanges(attempt, earlierExchanges);
      onChange(earlierSends.length === 0 ? own : { ...own, earlierSends });
    },
    fetchFn,
  );
}

/** Lists what the servers recorded for one send, as "GET on proxy (200), then GET on api (200)", or "nothing". */
export function listRecorded(send: EarlierSendResult): string {
  if (send.exchanges.length === 0) return 'nothing';
  return send.exchanges
    .map((exchange) => `${exchange.method} on ${exchange.server} (${exchange.status})`)
    .join(', then ');
}
