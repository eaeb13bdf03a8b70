/**
 * The response headers JavaScript can read, per the Fetch Standard's filtered responses. A CORS
 * filtered response shows the CORS-safelisted response-header names plus those listed in
 * Access-Control-Expose-Headers, and a basic one shows all but `Set-Cookie` and `Set-Cookie2`.
 */
import type { HeaderPair } from '../records.ts';
import type { CredentialsMode } from '../types.ts';
import { parseTokenList } from './header-lists.ts';
import { getHeader, sortAndCombine } from './headers.ts';

/** Readable on any CORS response without being listed in Access-Control-Expose-Headers. */
export const corsSafelistedResponseHeaderNames: readonly string[] = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

/** Never readable from JavaScript, whatever the response lists. */
export const forbiddenResponseHeaderNames: readonly string[] = ['set-cookie', 'set-cookie2'];

export interface HeaderExposure {
  /** As `response.headers` lists them: sorted by name, repeated names combined. */
  readonly readable: readonly HeaderPair[];
  /** Lowercase names present in the response that JavaScript cannot read, sorted. */
  readonly hidden: readonly string[];
}

/** Names JavaScript can read from a CORS response, lowercased; `all` when the wildcard applies. */
function exposedHeaderNames(headers: readonly HeaderPair[], credentials: CredentialsMode): readonly string[] | 'all' {
  // NOTE: the standard leaves a list that does not parse ambiguous ("set the list to failure").
  // The evaluator then exposes only the safelisted names; Chromium's handling was not checked.
  const listed = parseTokenList(getHeader(headers, 'Access-Control-Expose-Headers'));
  const names = listed.ok ? listed.items.map((name) => name.toLowerCase()) : [];
  // With credentials `*` is not a wildcard: it only exposes a header literally named `*`.
  if (credentials !== 'include' && names.includes('*')) return 'all';
  return [...corsSafelistedResponseHeaderNames, ...names];
}

export function exposeHeaders(
  headers: readonly HeaderPair[],
  responseType: 'basic' | 'cors',
  credentials: CredentialsMode,
): HeaderExposure {
  const exposed = responseType === 'basic' ? 'all' : exposedHeaderNames(headers, credentials);
  const isReadable = (name: string): boolean =>
    !forbiddenResponseHeaderNames.includes(name) && (exposed === 'all' || exposed.includes(name));

  const readable = sortAndCombine(headers.filter(([name]) => isReadable(name)));
  const hidden = [...new Set(headers.map(([name]) => name).filter((name) => !isReadable(name)))].sort();
  return { readable, hidden };
}
