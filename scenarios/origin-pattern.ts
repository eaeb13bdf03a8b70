/**
 * Hand-written CORS allowlists: an exact list plus a pattern, as a `cors()` origin function tests them.
 * The server, the server model and the code the learner reads all use these, so they cannot disagree.
 */
import { assertNever } from './chromium-messages.ts';
import { fillOrigins, type OriginMap } from './origins.ts';
import type { OriginPattern } from './types.ts';

/** Returns whether `origin` passes the allowlist: it is one of `exact`, or `pattern` matches it. */
export function originAllowed(
  origin: string,
  exact: readonly string[],
  pattern: OriginPattern | undefined,
  origins: OriginMap,
): boolean {
  // Hono's cors() passes '' when the request has no Origin, and an empty origin is never one to allow.
  if (origin === '') return false;
  if (exact.some((template) => fillOrigins(template, origins) === origin)) return true;
  return pattern !== undefined && patternMatches(pattern, origin, origins);
}

function patternMatches(pattern: OriginPattern, origin: string, origins: OriginMap): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'ends-with':
      return origin.endsWith(fillOrigins(pattern.text, origins));
    case 'starts-with':
      return origin.startsWith(fillOrigins(pattern.text, origins));
    case 'regex':
      return new RegExp(fillOrigins(pattern.source, origins)).test(origin);
    default:
      return assertNever(pattern);
  }
}

/** Renders the pattern as the JavaScript condition on `origin` that a developer writes. */
export function originPatternCode(pattern: OriginPattern, origins: OriginMap): string {
  switch (pattern.kind) {
    case 'any':
      return 'true';
    case 'ends-with':
      return `origin.endsWith(${quote(fillOrigins(pattern.text, origins))})`;
    case 'starts-with':
      return `origin.startsWith(${quote(fillOrigins(pattern.text, origins))})`;
    case 'regex':
      return `/${fillOrigins(pattern.source, origins).replaceAll('/', '\\/')}/.test(origin)`;
    default:
      return assertNever(pattern);
  }
}

function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}
