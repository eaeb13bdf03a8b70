/**
 * The learner's answers beside the reference fix's, hop by hop and header by header. The comparison
 * only informs. The browser decides, and a fix that differs from the reference may pass.
 */
import type { Answer, CaseAnswers } from '../../scenarios/case/index.ts';
import { fillOrigins, type OriginMap } from '../../scenarios/index.ts';

/** How one header of the learner's fix compares with the reference's. */
export type HeaderMatch = 'same' | 'different' | 'only-reference' | 'only-yours';

export interface HeaderRow {
  /** The header name as the reference writes it, or as the learner does when the reference has none. */
  readonly name: string;
  readonly yours?: string;
  readonly reference?: string;
  readonly match: HeaderMatch;
}

export interface HopComparison {
  /** Names the hop, such as "Preflight (OPTIONS)" or "Response". */
  readonly hop: string;
  readonly yourStatus?: number;
  readonly referenceStatus?: number;
  readonly rows: readonly HeaderRow[];
}

/**
 * Compares every hop that either answers have: the preflight, each redirect, and the response. Values
 * are compared with origins filled in, so `{app}` and the app's origin written out are the same.
 */
export function compareWithReference(yours: CaseAnswers, reference: CaseAnswers, origins: OriginMap): HopComparison[] {
  const hops: HopComparison[] = [];
  if (yours.preflight !== undefined || reference.preflight !== undefined) {
    hops.push(compareHop('Preflight (OPTIONS)', yours.preflight, reference.preflight, origins));
  }
  const redirectCount = Math.max(yours.redirects.length, reference.redirects.length);
  for (let index = 0; index < redirectCount; index += 1) {
    hops.push(compareHop(`Redirect ${index + 1}`, yours.redirects[index], reference.redirects[index], origins));
  }
  hops.push(compareHop('Response', yours.response, reference.response, origins));
  return hops;
}

/** Returns whether every header and status of every hop matches the reference. */
export function matchesReference(hops: readonly HopComparison[]): boolean {
  return hops.every((hop) => hop.yourStatus === hop.referenceStatus && hop.rows.every((row) => row.match === 'same'));
}

function compareHop(
  hop: string,
  yours: Answer | undefined,
  reference: Answer | undefined,
  origins: OriginMap,
): HopComparison {
  const yourHeaders = headerValues(yours, origins);
  const referenceHeaders = headerValues(reference, origins);
  const rows: HeaderRow[] = [];
  for (const [key, { name, value }] of referenceHeaders) {
    const mine = yourHeaders.get(key)?.value;
    rows.push({
      name,
      ...(mine !== undefined && { yours: mine }),
      reference: value,
      match: mine === undefined ? 'only-reference' : sameValue(mine, value) ? 'same' : 'different',
    });
  }
  for (const [key, { name, value }] of yourHeaders) {
    if (!referenceHeaders.has(key)) rows.push({ name, yours: value, match: 'only-yours' });
  }
  return {
    hop,
    ...(yours !== undefined && { yourStatus: yours.status }),
    ...(reference !== undefined && { referenceStatus: reference.status }),
    rows,
  };
}

/**
 * Groups an answer's headers by lowercase name. A repeated name gets its values joined with ", ",
 * which is how the browser reads a repeated header too.
 */
function headerValues(answer: Answer | undefined, origins: OriginMap): Map<string, { name: string; value: string }> {
  const values = new Map<string, { name: string; value: string }>();
  for (const [name, template] of answer?.headers ?? []) {
    const value = fillOrigins(template, origins);
    const key = name.toLowerCase();
    const earlier = values.get(key);
    values.set(
      key,
      earlier === undefined ? { name, value } : { name: earlier.name, value: `${earlier.value}, ${value}` },
    );
  }
  return values;
}

/** Values match when they differ only in the spaces around them. */
function sameValue(a: string, b: string): boolean {
  return a.trim() === b.trim();
}
