/**
 * Builds a curl command that sends what the browser sent for one recorded exchange, so a learner can
 * repeat a preflight or an actual request from a terminal and see the same response.
 */
import type { OriginMap } from '../scenarios/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';

/**
 * Request headers the command leaves out: curl computes `Host` and `Content-Length` itself, and the
 * others are hop-by-hop (RFC 9110, section 7.6.1), describing the browser's connection, not the request.
 */
export const omittedRequestHeaders: readonly string[] = [
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/**
 * Quotes a value for a POSIX shell (sh, bash, zsh) as one word. Inside single quotes the shell expands
 * nothing, so the only character to handle is the single quote itself, written as `'\''`.
 * Throws on a NUL character, which no shell argument can contain.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) {
    throw new Error(`Cannot quote ${JSON.stringify(value)} for a shell: it contains a NUL character.`);
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Writes a word bare when it has only letters, digits, `-` and `_`, which no shell treats specially. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_-]+$/.test(value) ? value : shellQuote(value);
}

export interface CurlOptions {
  /** The request body, for an actual request that has one. The records do not store bodies. */
  readonly body?: string;
}

/**
 * Builds the command, one option per line: the absolute URL on the server's origin with its query, the
 * method unless it is GET, every recorded request header in order except those in
 * `omittedRequestHeaders`, and the body.
 */
export function curlCommand(exchange: RecordedExchange, origins: OriginMap, options: CurlOptions = {}): string {
  // Concatenated, because resolving a received path such as `//host/x` as a URL would change the host.
  const url = `${origins[exchange.server]}${exchange.url}`;
  const words: string[][] = [['curl', shellQuote(url)]];
  // curl waits for a body after `-X HEAD`, so a HEAD request takes `--head` instead.
  if (exchange.method === 'HEAD') words.push(['--head']);
  else if (exchange.method !== 'GET') words.push(['-X', shellWord(exchange.method)]);

  for (const [name, value] of exchange.requestHeaders) {
    if (omittedRequestHeaders.includes(name.toLowerCase())) continue;
    // `-H 'name:'` would remove the header, so curl takes `-H 'name;'` for one with an empty value.
    words.push(['-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`)]);
  }
  // --data-raw sends the text as it is, where --data would read a file for a value starting with @.
  if (options.body !== undefined) words.push(['--data-raw', shellQuote(options.body)]);

  return words.map((line) => line.join(' ')).join(' \\\n  ');
}
