/**
 * Whether a scenario has a "fix it yourself" exercise, decided from the catalog: the exercise loads the
 * broken server's answers into the lab's editor, so it applies only where changing those answers is the
 * fix, and where one request from the app shows whether the fix passes.
 */
import { caseFromScenario, type Case } from '../../scenarios/case/index.ts';
import type { OriginMap, Scenario } from '../../scenarios/index.ts';
import { predictCase } from '../lab/agreement.ts';

export type ExercisePlan =
  | { readonly kind: 'exercise'; readonly broken: Case; readonly fixed: Case }
  | { readonly kind: 'not-applicable'; readonly reason: string };

/** Request fields a learner would read in the request summary, named for the reason text. */
const requestFieldLabels: Readonly<Record<keyof Case['request'], string>> = {
  pageOrigin: 'the page',
  pageHost: "the page's host",
  target: 'the server',
  initiator: 'the API that sends it',
  method: 'the method',
  headers: 'the request headers',
  body: 'the body',
  credentials: 'the credentials mode',
  mode: 'the request mode',
  redirect: 'the redirect mode',
};

/** Plans the exercise of a scenario, or returns the reason it has none. */
export function planExercise(scenario: Scenario, origins: OriginMap): ExercisePlan {
  let broken: Case;
  let fixed: Case;
  try {
    broken = caseFromScenario(scenario, 'broken');
    fixed = caseFromScenario(scenario, 'fixed');
  } catch {
    return notApplicable(
      'its server does more than a case can compose, such as more redirects than a case holds, so its answers cannot be loaded into the editor.',
    );
  }

  const changed = changedRequestFields(broken.request, fixed.request);
  if (changed.length > 0) {
    return notApplicable(
      `the fix is on the page, not on the server: the fixed variant changes ${joinWords(changed)} of the request, and no answer from the server can change what the page sends.`,
    );
  }
  if (JSON.stringify(broken.answers) === JSON.stringify(fixed.answers)) {
    return notApplicable(
      "the broken and the fixed server send the same answers, so what the fix changes lies outside the server's headers.",
    );
  }
  const { broken: brokenVariant, fixed: fixedVariant } = scenario.variants;
  if ((brokenVariant.expected.earlierSends ?? []).length + (fixedVariant.expected.earlierSends ?? []).length > 0) {
    return notApplicable(
      'the failure needs several sends with a cache between them, and the exercise checks a fix with one send.',
    );
  }
  if (broken.request.initiator === 'beacon') {
    return notApplicable(
      'navigator.sendBeacon() tells the page nothing about the response, so the page cannot see a fix pass.',
    );
  }
  // The evaluator reads the same composed answers as the lab server, so it tells which way the browser will go.
  if (predictCase(fixed, origins).verdict !== 'allowed') {
    return notApplicable(
      "the fixed variant's request is refused too: its fix guards the server against a page it should not trust, rather than letting a blocked request through.",
    );
  }
  if (predictCase(broken, origins).verdict !== 'blocked') {
    return notApplicable(
      "the browser already lets the broken variant's request through when it is sent once, so one send cannot tell a fix from the broken server. Read why above for what goes wrong.",
    );
  }
  return { kind: 'exercise', broken, fixed };
}

function notApplicable(reason: string): ExercisePlan {
  return { kind: 'not-applicable', reason };
}

function changedRequestFields(broken: Case['request'], fixed: Case['request']): string[] {
  const names = new Set([...Object.keys(broken), ...Object.keys(fixed)]) as Set<keyof Case['request']>;
  return [...names]
    .filter((name) => JSON.stringify(broken[name]) !== JSON.stringify(fixed[name]))
    .map((name) => requestFieldLabels[name]);
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
