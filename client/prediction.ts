/**
 * Predict, then run: the learner's answers to up to three questions before sending, what the attempt
 * showed for each, and how the two compare.
 */
import { assertNever, isCorsBlock, type Scenario, type Stage, type VariantName } from '../scenarios/index.ts';
import type { Attempt } from './attempt.ts';
import { compareRecords } from './expectation.ts';
import { reportedFailure } from './send.ts';

export type Question = 'blocked' | 'stage' | 'server-sees-actual';

/** The learner's answers. A missing answer is a question the learner did not answer. */
export interface Prediction {
  readonly blocked?: boolean;
  /** Asked only when the learner predicts a block. */
  readonly stage?: Stage;
  readonly serverSeesActual?: boolean;
}

/** Where an observed answer comes from: this attempt, or the catalog when JavaScript cannot tell. */
export type Source = 'attempt' | 'catalog';

export interface Observed<T> {
  readonly value: T;
  readonly source: Source;
}

/** The outcome as far as this attempt and the catalog show it. A missing field is not known yet. */
export interface Observation {
  readonly blocked?: Observed<boolean>;
  /** Present when the request failed: the CORS check's stage, or `not-cors` for a failure with another cause. */
  readonly stage?: Observed<Stage | 'not-cors'>;
  readonly serverSeesActual?: Observed<boolean>;
}

export interface ComparisonRow {
  readonly question: Question;
  readonly predicted: string;
  readonly observed: string;
  readonly source: Source;
  readonly correct: boolean;
}

export const questionTexts: Readonly<Record<Question, string>> = {
  blocked: 'Will the browser block it?',
  stage: 'At which stage?',
  'server-sees-actual': 'Will the server see the actual request?',
};

export const stageTexts: Readonly<Record<Stage, string>> = {
  request: 'Before sending anything',
  preflight: 'At the preflight',
  response: 'At the response',
  redirect: 'At a redirect',
};

/** The observed stage of a failure that the CORS check did not cause, such as a network error. */
const notCorsText = 'Not a CORS block: the request failed for another reason';

export const stages: readonly Stage[] = ['request', 'preflight', 'response', 'redirect'];

/** Whether the learner answered anything, which is what counts as having predicted. */
export function hasAnswers(prediction: Prediction): boolean {
  return (
    prediction.blocked !== undefined || prediction.stage !== undefined || prediction.serverSeesActual !== undefined
  );
}

/**
 * Reads what happened from a finished attempt. JavaScript shows whether the request failed, and the
 * servers' records show whether the actual request arrived. JavaScript never learns the stage, and
 * `sendBeacon()` reports nothing, so those come from the catalog when the records match it.
 */
export function observe(scenario: Scenario, variant: VariantName, attempt: Attempt): Observation {
  if (attempt.state === 'running' || attempt.js === undefined) return {};
  const expected = scenario.variants[variant].expected;
  const recordsMatch = compareRecords(expected.exchanges, attempt).kind === 'same';

  let blocked: Observed<boolean> | undefined;
  if (attempt.js.kind !== 'beacon') {
    blocked = { value: reportedFailure(attempt.js), source: 'attempt' };
  } else if (recordsMatch) {
    blocked = { value: expected.outcome.verdict === 'blocked', source: 'catalog' };
  }

  const outcome = expected.outcome;
  let stage: Observed<Stage | 'not-cors'> | undefined;
  if (blocked?.value === true && outcome.verdict === 'blocked') {
    stage = { value: isCorsBlock(outcome) ? outcome.stage : 'not-cors', source: 'catalog' };
  }

  const actualMethod = scenario.variants[variant].request.method.toUpperCase();
  const serverSeesActual: Observed<boolean> | undefined =
    attempt.state === 'done'
      ? {
          value: (attempt.records?.exchanges ?? []).some((exchange) => exchange.method.toUpperCase() === actualMethod),
          source: 'attempt',
        }
      : undefined;

  return { blocked, stage, serverSeesActual };
}

/** Pairs each answered question with what happened. Questions without an answer or an observation are left out. */
export function comparePrediction(prediction: Prediction, observation: Observation): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const { blocked, stage, serverSeesActual } = observation;

  if (prediction.blocked !== undefined && blocked !== undefined) {
    rows.push(
      row(
        'blocked',
        yesNo(prediction.blocked),
        yesNo(blocked.value),
        blocked.source,
        prediction.blocked === blocked.value,
      ),
    );
  }
  if (prediction.stage !== undefined && blocked !== undefined) {
    // A predicted stage is wrong when the browser allowed the request: there was no stage.
    let observed = 'Not blocked';
    if (stage !== undefined) observed = stage.value === 'not-cors' ? notCorsText : stageTexts[stage.value];
    const source = stage?.source ?? blocked.source;
    rows.push(row('stage', stageTexts[prediction.stage], observed, source, prediction.stage === stage?.value));
  }
  if (prediction.serverSeesActual !== undefined && serverSeesActual !== undefined) {
    const correct = prediction.serverSeesActual === serverSeesActual.value;
    rows.push(
      row(
        'server-sees-actual',
        yesNo(prediction.serverSeesActual),
        yesNo(serverSeesActual.value),
        serverSeesActual.source,
        correct,
      ),
    );
  }
  return rows;
}

/** Counts the right answers, for a one-line summary such as "2 of 3 right". */
export function score(rows: readonly ComparisonRow[]): { readonly right: number; readonly total: number } {
  return { right: rows.filter((item) => item.correct).length, total: rows.length };
}

/** Explains where an observed answer came from, for the comparison's last column. */
export function sourceText(source: Source): string {
  switch (source) {
    case 'attempt':
      return 'seen in this attempt';
    case 'catalog':
      return 'from the catalog: JavaScript cannot see it';
    default:
      return assertNever(source);
  }
}

function row(question: Question, predicted: string, observed: string, source: Source, correct: boolean): ComparisonRow {
  return { question, predicted, observed, source, correct };
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
