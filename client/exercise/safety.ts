/**
 * The safety check after a fix passes: the same request, with the same answers, sent from pages the
 * server should not trust. Where the browser lets such a page read the response, and the reference fix
 * would not, the fix admits more than the page it is for.
 *
 * NOTE: a case's header values are static, so a fix cannot copy the request's Origin into
 * Access-Control-Allow-Origin, as a server that reflects any origin does. A static value that admits
 * the attacker's origin or null is what such a server sends those pages, so the check flags it the same way.
 */
import type { Case, CaseAnswers, PageOrigin } from '../../scenarios/case/index.ts';
import type { OriginMap } from '../../scenarios/index.ts';

/** Pages the check sends from: the attacker's site, and a sandboxed frame whose origin is null. */
export const probePages = ['attacker', 'null'] as const satisfies readonly PageOrigin[];
export type ProbePage = (typeof probePages)[number];

/** The browser's verdicts for one probe page: whether it read the response to each fix. */
export interface ProbeResult {
  readonly page: ProbePage;
  /** The page's JavaScript read the response to the learner's answers. */
  readonly yoursReadable: boolean;
  /** The page's JavaScript read the response to the reference fix's answers. */
  readonly referenceReadable: boolean;
}

export type FindingKind = 'wildcard' | 'trusts-null' | 'admits-attacker';

export interface Finding {
  readonly kind: FindingKind;
  readonly page: ProbePage;
  /** Message that says what the browser did, why, and what to change. */
  readonly message: string;
}

/** Returns the probe pages for a case: every one but the case's own page, which the fix is meant to admit. */
export function probePagesFor(value: Case): ProbePage[] {
  return probePages.filter((page) => page !== value.request.pageOrigin);
}

/** Builds the case as a probe page sends it: the same request with the given answers, from another origin. */
export function probeCase(value: Case, page: ProbePage, answers: CaseAnswers): Case {
  // A page host belongs to the case's own page, so each probe page uses its origin's own host.
  const request = { ...value.request, pageOrigin: page };
  delete request.pageHost;
  return { ...value, request, answers };
}

/** Turns the probes into findings: each page the learner's fix lets read, where the reference fix does not. */
export function findUnsafe(
  results: readonly ProbeResult[],
  yours: CaseAnswers,
  value: Case,
  origins: OriginMap,
): Finding[] {
  const withCredentials = value.request.credentials === 'include';
  return results
    .filter((result) => result.yoursReadable && !result.referenceReadable)
    .map((result) => finding(result.page, allowOriginValues(yours), withCredentials, origins));
}

function finding(
  page: ProbePage,
  allowOrigins: readonly string[],
  withCredentials: boolean,
  origins: OriginMap,
): Finding {
  const credentialNote = withCredentials
    ? ' The request carries credentials, so that page reads what the server tells the signed-in user.'
    : '';
  // `*` admits every origin, null included, so one cause explains both pages.
  if (allowOrigins.includes('*')) {
    const reader = page === 'null' ? 'a sandboxed frame, whose origin is null,' : `a page at ${origins.attacker}`;
    return {
      kind: 'wildcard',
      page,
      message: `* where an allowlist belongs: the browser let ${reader} read the response, because Access-Control-Allow-Origin: * admits every origin.${credentialNote} Name the origin the server trusts, ${origins.app}, instead.`,
    };
  }
  if (page === 'null') {
    return {
      kind: 'trusts-null',
      page,
      message: `Trusting null: the browser let a sandboxed frame, whose origin is null, read the response. Any site can open such a frame, so Access-Control-Allow-Origin: null admits every site.${credentialNote} Remove null from the allowed origins.`,
    };
  }
  return {
    kind: 'admits-attacker',
    page,
    message: `The browser let a page at ${origins.attacker} read the response, because the answers admit its origin. A server that copies any request's Origin into Access-Control-Allow-Origin gives every site this access.${credentialNote} Admit only the origins the server trusts, such as ${origins.app}.`,
  };
}

/** Every Access-Control-Allow-Origin value in the answers, origin templates as written. */
export function allowOriginValues(answers: CaseAnswers): string[] {
  const hops = [
    answers.preflight,
    ...answers.redirects,
    ...answers.redirects.map((hop) => hop.preflight),
    answers.response,
  ];
  return hops.flatMap((hop) =>
    (hop?.headers ?? [])
      .filter(([name]) => name.toLowerCase() === 'access-control-allow-origin')
      .map(([, value]) => value.trim()),
  );
}
