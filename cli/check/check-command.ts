/**
 * `cors-playground check URL --origin ORIGIN` probes a real API from Node with the requests a browser
 * would send for a page at ORIGIN: the preflight when one is needed, then the request, following
 * redirects. It prints the evaluator's verdict, with the fix when the browser would block the request.
 */
import { parseArgs } from 'node:util';
import { isToken } from '../../scenarios/evaluator/index.ts';
import { evaluateAsync } from '../../scenarios/evaluator/index.ts';
import type { CorsRequest } from '../../scenarios/evaluator/types.ts';
import { checkHelp } from '../help.ts';
import { exitCodes, parseCommandArgs, UsageError, type Io } from '../usage.ts';
import { formatCheck, checkJson } from './check-report.ts';
import { httpResponder } from './http-responder.ts';

const defaultTimeoutMs = 10_000;

export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  const options = {
    origin: { type: 'string' },
    method: { type: 'string' },
    header: { type: 'string', multiple: true },
    body: { type: 'string' },
    credentials: { type: 'boolean' },
    cookie: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const { values, positionals } = parseCommandArgs('check', options, () =>
    parseArgs({ args: [...args], options, allowPositionals: true }),
  );
  if (values.help === true) {
    io.out(checkHelp);
    return exitCodes.ok;
  }

  const url = parseTargetUrl(positionals);
  const request: CorsRequest = {
    origin: parseOrigin(values.origin),
    url,
    method: parseMethod(values.method ?? 'GET'),
    headers: (values.header ?? []).map(parseHeader),
    ...(values.body !== undefined && { body: values.body }),
    credentials: values.credentials === true ? 'include' : 'same-origin',
  };
  const timeoutMs = parseTimeout(values.timeout);
  const cookies = (values.cookie ?? []).map(parseCookie);
  if (cookies.length > 0 && request.credentials !== 'include') {
    throw new UsageError(
      "--cookie needs --credentials: a page's cross-origin request carries cookies only with credentials: 'include'.",
    );
  }

  const responder = httpResponder({
    body: values.body,
    timeoutMs,
    ...(cookies.length > 0 && { cookie: { header: cookies.join('; '), hostname: new URL(url).hostname } }),
  });
  const evaluation = await evaluateAsync(request, responder.respond);

  let exitCode: number = exitCodes.ok;
  if (evaluation.verdict === 'blocked') exitCode = exitCodes.failed;
  if (responder.errors.length > 0) exitCode = exitCodes.usage;
  if (values.json === true) {
    io.out(JSON.stringify(checkJson(request, evaluation, responder.errors, exitCode), null, 2));
  } else {
    io.out(formatCheck(request, evaluation, responder.errors));
  }
  return exitCode;
}

function parseTargetUrl(positionals: readonly string[]): string {
  if (positionals.length === 0) {
    throw new UsageError('Missing URL: give the URL to check, such as https://api.example.com/orders.');
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `Too many arguments: check takes one URL, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  const text = positionals[0]!;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `Invalid URL '${text}': give an absolute http or https URL, such as https://api.example.com/orders.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`Invalid URL '${text}': the scheme must be http or https, not ${url.protocol.slice(0, -1)}.`);
  }
  return url.href;
}

function parseOrigin(value: string | undefined): string {
  if (value === undefined) {
    throw new UsageError(
      'Missing --origin: give the origin of the page that calls the API, such as https://app.example.com.',
    );
  }
  if (value === 'null') return value;
  let origin: string | undefined;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== value) {
    throw new UsageError(
      `Invalid --origin '${value}': an origin is scheme, host and optional port with no path or trailing slash, ` +
        `such as https://app.example.com${origin === undefined || origin === 'null' ? '' : ` (did you mean ${origin}?)`}, or null.`,
    );
  }
  return origin;
}

function parseMethod(value: string): string {
  if (!isToken(value)) {
    throw new UsageError(`Invalid --method '${value}': a method is a token such as GET, POST, PUT or DELETE.`);
  }
  return value;
}

function parseHeader(text: string): [string, string] {
  const separator = text.indexOf(':');
  const name = (separator === -1 ? text : text.slice(0, separator)).trim();
  const value = separator === -1 ? '' : text.slice(separator + 1).trim();
  if (!isToken(name)) {
    throw new UsageError(
      `Invalid --header '${text}': the name must be a token (letters, digits and !#$%&'*+-.^_\`|~), as in --header Content-Type:application/json.`,
    );
  }
  if (/[\r\n\0]/.test(value)) {
    throw new UsageError(`Invalid --header '${name}': the value must not contain CR, LF or NUL.`);
  }
  return [name, value];
}

/** Reads `NAME=VALUE` as a cookie pair: a token name, and a value without a separator or control character. */
function parseCookie(text: string): string {
  const separator = text.indexOf('=');
  const name = separator === -1 ? '' : text.slice(0, separator);
  const value = separator === -1 ? '' : text.slice(separator + 1);
  if (!isToken(name) || !/^[\x21-\x7e]*$/.test(value) || /[;,"\\]/.test(value)) {
    throw new UsageError(
      `Invalid --cookie '${text}': give NAME=VALUE, a token name and a value without spaces, semicolons, commas, quotes or backslashes, as in --cookie session=abc123.`,
    );
  }
  return `${name}=${value}`;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return defaultTimeoutMs;
  const timeout = Number(value);
  if (!/^\d+$/.test(value) || timeout < 1 || timeout > 600_000) {
    throw new UsageError(`Invalid --timeout '${value}': give milliseconds as a whole number from 1 to 600000.`);
  }
  return timeout;
}
