/**
 * Parsing of the list-valued CORS response headers. The Fetch Standard's "HTTP new-header
 * syntax" gives `Access-Control-Allow-Methods = #method` and `Access-Control-Allow-Headers`
 * and `Access-Control-Expose-Headers = #field-name`: comma-separated tokens, where empty
 * elements are allowed. A value that does not match is a parse failure, and on a preflight
 * that is a network error.
 */

/** A list value, or the first element that is not a token. */
export type ListParse =
  { readonly ok: true; readonly items: readonly string[] } | { readonly ok: false; readonly invalidToken: string };

/** The `tchar` characters of an HTTP token (RFC 9110, section 5.6.2). */
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isToken(value: string): boolean {
  return tokenPattern.test(value);
}

/**
 * Parses a `#token` list. Elements are trimmed of spaces and tabs and empty elements are
 * skipped, as the list rule allows. An absent header is an empty list.
 */
export function parseTokenList(value: string | undefined): ListParse {
  if (value === undefined) return { ok: true, items: [] };
  const items: string[] = [];
  for (const element of value.split(',')) {
    const item = element.replace(/^[\t ]+|[\t ]+$/g, '');
    if (item === '') continue;
    if (!isToken(item)) return { ok: false, invalidToken: item };
    items.push(item);
  }
  return { ok: true, items };
}
