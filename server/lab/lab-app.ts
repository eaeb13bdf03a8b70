/**
 * The lab: `/lab/<hop>/<answers>` on every playground server answers exactly as the encoded answers
 * compose, and keeps nothing, so a link reproduces a case and a room of learners can share one server.
 * Requests with a `trace` query are recorded like scenario requests, by the server's own middleware.
 */
import { Hono, type Context } from 'hono';
import { decodeAnswers, formatIssues, respondToHop, caseLimits } from '../../scenarios/case/index.ts';
import type { OriginMap } from '../../scenarios/origins.ts';
import { traceParameter, tracePattern } from '../../scenarios/records.ts';
import type { Log } from '../log.ts';
import { playgroundError } from '../playground-error.ts';

export { labPath } from '../../scenarios/case/index.ts';

export interface LabOptions {
  readonly origins: OriginMap;
  readonly log: Log;
  /** Names the server in log lines, such as `api`. */
  readonly server: string;
}

/**
 * Every lab response carries this policy. A case may serve HTML or SVG, and a page opened at a lab URL
 * then runs in a sandbox with an opaque origin and no scripts, so a link cannot run code on the
 * playground's origins. It changes nothing for fetch(), XHR or the other initiators.
 */
const labContentSecurityPolicy = 'sandbox';

/** Creates the lab routes, to mount at `labPath`. */
export function createLabApp({ origins, log, server }: LabOptions): Hono {
  const app = new Hono({ strict: false });

  app.all('/:hop/:answers', function answerLabRequest(c) {
    const hopText = c.req.param('hop');
    const encodedAnswers = c.req.param('answers');
    const hop = /^\d{1,2}$/.test(hopText) ? Number(hopText) : Number.NaN;
    if (!(hop >= 0 && hop <= caseLimits.redirectCount)) {
      return reject(
        c,
        `Invalid hop ${quoteShort(hopText)}: expected a whole number from 0 to ${caseLimits.redirectCount}.`,
      );
    }

    const decoded = decodeAnswers(encodedAnswers);
    if (!decoded.ok) {
      return reject(c, `Invalid lab answers:\n${formatIssues(decoded.issues)}`, { issues: decoded.issues });
    }
    const answers = decoded.value;
    if (hop > answers.redirects.length) {
      return reject(
        c,
        `Invalid hop ${hop}: these answers have ${answers.redirects.length} redirect hops, so the response is hop ${answers.redirects.length}.`,
      );
    }

    const trace = new URL(c.req.url).searchParams.get(traceParameter);
    const isPreflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;
    const composed = respondToHop(answers, isPreflight, {
      origins,
      hop,
      encodedAnswers,
      ...(trace !== null && tracePattern.test(trace) && { trace }),
    });

    const headers = new Headers();
    for (const [name, value] of composed.headers) headers.append(name, value);
    headers.set('Content-Security-Policy', labContentSecurityPolicy);
    const body = c.req.method === 'HEAD' ? null : (composed.body ?? null);
    return new Response(body, { status: composed.status, headers });
  });

  app.all('*', (c) =>
    reject(c, `Not a lab URL: expected ${'/lab/<hop>/<answers>'}, where answers come from encodeAnswers().`, {}, 404),
  );

  function reject(c: Context, error: string, extra: Record<string, unknown> = {}, status: 400 | 404 = 400): Response {
    log(`[${server}] ${status} ${c.req.method} lab request: ${error.split('\n')[0]}`);
    c.header('Content-Security-Policy', labContentSecurityPolicy);
    return playgroundError(c, status, { error, ...extra, appOrigin: origins.app });
  }

  return app;
}

function quoteShort(text: string): string {
  return JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
}
