/**
 * Checks a learner's fix in the browser: the scenario's request, sent from its own page to the lab URL
 * that answers as the learner composed, then, once it passes, from the pages the server should not trust.
 */
import { caseUrl, type Case, type CaseAnswers } from '../../scenarios/case/index.ts';
import type { OriginMap } from '../../scenarios/index.ts';
import { newTraceId } from '../../scenarios/records.ts';
import { sendFromCasePage } from '../lab/lab-attempt.ts';
import type { JsOutcome } from '../send.ts';
import { findUnsafe, probeCase, probePagesFor, type Finding, type ProbeResult } from './safety.ts';

export type CheckResult =
  /** The browser still keeps the response from the page's JavaScript. */
  | { readonly kind: 'blocked'; readonly value: Case; readonly js: JsOutcome }
  /** The page read the response; `findings` lists what the fix lets other pages read. */
  | {
      readonly kind: 'passed';
      readonly value: Case;
      readonly probes: readonly ProbeResult[];
      readonly findings: readonly Finding[];
    };

/** Returns whether the page's JavaScript could read the response, as the fixed variant's page can. */
export function readable(js: JsOutcome): boolean {
  return (js.kind === 'response' && js.type !== 'opaque') || js.kind === 'loaded';
}

/** Sends the learner's fix, and when it passes, probes it and the reference fix from the other pages. */
export async function checkFix(
  broken: Case,
  fixed: Case,
  answers: CaseAnswers,
  origins: OriginMap,
): Promise<CheckResult> {
  const value: Case = { ...broken, answers };
  const js = await send(value, origins);
  if (!readable(js)) return { kind: 'blocked', value, js };

  const probes: ProbeResult[] = [];
  for (const page of probePagesFor(broken)) {
    const yoursReadable = readable(await send(probeCase(broken, page, answers), origins));
    const referenceReadable = readable(await send(probeCase(broken, page, fixed.answers), origins));
    probes.push({ page, yoursReadable, referenceReadable });
  }
  return { kind: 'passed', value, probes, findings: findUnsafe(probes, answers, broken, origins) };
}

function send(value: Case, origins: OriginMap): Promise<JsOutcome> {
  return sendFromCasePage(value, caseUrl(value, origins, newTraceId()), origins);
}
