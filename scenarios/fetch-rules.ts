/**
 * Request-side rules of the Fetch Standard that decide whether a request needs a preflight:
 * method normalization, CORS-safelisted methods and request headers, and the preflight's
 * `Access-Control-Request-Headers` list. https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */

/** Fetch uppercases only these methods; any other method keeps its case, so `patch` stays `patch`. */
const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return normalizedMethods.includes(upper) ? upper : method;
}

/** The comparison is case-sensitive: it runs on the normalized method. */
export function isCorsSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

/** Bytes that make an `Accept` or `Content-Type` value unsafe: controls other than tab, and `"():<>?@[\]{}` and DEL. */
function hasCorsUnsafeByte(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || '"():<>?@[\\]{}'.includes(char)) return true;
  }
  return false;
}

const safelistedContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Byte length of a header value, which the 128- and 1024-byte limits count. */
function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

/**
 * Whose safelist decides: the Fetch Standard's, or Chromium 156's, which also safelists a few
 * names the standard does not (see `isChromiumOnlySafelistedHeader`).
 */
export type SafelistRules = 'standard' | 'chromium-156';

/** Checks whether one header, on its own, is a CORS-safelisted request-header. */
export function isCorsSafelistedRequestHeader(name: string, value: string, rules: SafelistRules = 'standard'): boolean {
  if (byteLength(value) > 128) return false;
  if (rules === 'chromium-156' && isChromiumOnlySafelistedHeader(name, value)) return true;
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasCorsUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type': {
      if (hasCorsUnsafeByte(value)) return false;
      const essence = mimeEssence(value);
      return essence !== undefined && safelistedContentTypes.includes(essence);
    }
    case 'range':
      // Only a single range with a start, such as `bytes=0-` or `bytes=0-499`.
      return /^bytes=\d+-\d*$/.test(value) && isOrderedRange(value);
    default:
      return false;
  }
}

/** Request headers as a record, or as a list of name and value pairs where a name may repeat. */
export type HeaderList = Readonly<Record<string, string>> | readonly (readonly [string, string])[];

/**
 * Lowercased, sorted names of the headers that make a request need a preflight. When the
 * safelisted values add up to more than 1024 bytes, they all count as unsafe.
 */
export function corsUnsafeRequestHeaderNames(headers: HeaderList, rules: SafelistRules = 'standard'): string[] {
  const unsafe = new Set<string>();
  const potentiallyUnsafe: string[] = [];
  let safelistedBytes = 0;
  // Array.isArray narrows a readonly array to any[], so the annotation keeps name and value typed.
  const entries: readonly (readonly [string, string])[] = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    if (isCorsSafelistedRequestHeader(name, value, rules)) {
      potentiallyUnsafe.push(name.toLowerCase());
      safelistedBytes += byteLength(value);
    } else {
      unsafe.add(name.toLowerCase());
    }
  }
  if (safelistedBytes > 1024) for (const name of potentiallyUnsafe) unsafe.add(name);
  return [...unsafe].sort();
}

/** Whether a `fetch()` in `cors` mode with this method and these headers sends a preflight first. */
export function needsPreflight(method: string, headers: HeaderList, rules: SafelistRules = 'standard'): boolean {
  return !isCorsSafelistedMethod(normalizeMethod(method)) || corsUnsafeRequestHeaderNames(headers, rules).length > 0;
}

/**
 * Chromium 156 safelists these request headers beyond the standard's five names, as
 * `IsCorsSafelistedHeader` in services/network/public/cpp/cors/cors.cc does: the client hints
 * `DPR` and `Device-Memory` with a decimal number, `Width` and `Viewport-Width` with digits,
 * `Save-Data: on`, and `Intervention`. They count toward the 1024-byte total like the others,
 * and they are the only way a page can pass that total with distinct names, because the five
 * standard names hold at most 5 × 128 bytes. Names and value rules observed in Chromium 156.
 */
function isChromiumOnlySafelistedHeader(name: string, value: string): boolean {
  switch (name.toLowerCase()) {
    case 'dpr':
    case 'device-memory':
      return /^\d+(\.\d+)?$/.test(value);
    case 'width':
    case 'viewport-width':
      return /^\d+$/.test(value);
    case 'save-data':
      return value.toLowerCase() === 'on';
    case 'intervention':
      return true;
    default:
      return false;
  }
}

/**
 * Returns the essence (`type/subtype`, lowercased) of a MIME type, or undefined when it does not parse.
 * NOTE: this checks the type and subtype tokens only; parameters are not validated.
 */
function mimeEssence(value: string): string | undefined {
  const essence = value.split(';', 1)[0]!.trim().toLowerCase();
  return /^[!#$%&'*+\-.^_`|~0-9a-z]+\/[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(essence) ? essence : undefined;
}

function isOrderedRange(value: string): boolean {
  const [start, end] = value.slice('bytes='.length).split('-');
  return end === '' || Number(start) <= Number(end);
}
