/** The words the sequence diagram shows for its lanes and steps. */
import { assertNever } from '../scenarios/index.ts';
import { statusWithReason } from './http-status.ts';
import type { Lane, SequenceStep } from './sequence.ts';

/** Names a lane in a sentence: "the browser", or a server with its origin. */
export function laneLabel(lanes: readonly Lane[], id: Lane['id']): string {
  const lane = lanes.find((candidate) => candidate.id === id);
  if (lane === undefined) return id;
  return lane.id === 'browser' ? 'the browser' : `${lane.label} (${lane.origin})`;
}

/** Describes the response a step got. */
export function stepStatusText(step: SequenceStep): string {
  if (step.status !== undefined) return `answered ${statusWithReason(step.status)}`;
  return step.result === 'not-sent' ? 'no response' : 'no response recorded';
}

/** Describes what the browser did with a step, with the reason. */
export function stepResultText(step: SequenceStep): string {
  switch (step.result) {
    case 'passed':
      // No browser check applies to a server's own request, so it gets no verdict.
      if (step.sender === 'server') return capitalize(step.note ?? 'sent by a server');
      return step.note === undefined ? 'Passed' : `Passed. ${capitalize(step.note)}`;
    case 'blocked':
      return `Blocked. ${capitalize(step.note ?? 'the browser blocked the response')}`;
    case 'not-sent':
      return `Not sent. ${capitalize(step.note ?? 'the browser stopped before it')}`;
    default:
      return assertNever(step.result);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
