/**
 * The messages between the app page and a runner page (see `server/runner.ts`). The app posts a `run`
 * message; the runner sends the request with the catalog's initiator and posts back what its
 * JavaScript observed. The runner posts `ready` once its script has loaded.
 */
import { playgroundPathPrefix } from './records.ts';
import type { RequestSpec } from './types.ts';

export const runnerPath = `${playgroundPathPrefix}/runner`;
export const runnerScriptPath = `${playgroundPathPrefix}/runner.js`;

export interface RunMessage {
  readonly type: 'cors-playground:run';
  readonly id: string;
  readonly url: string;
  readonly request: RequestSpec;
}

export interface ReadyMessage {
  readonly type: 'cors-playground:ready';
}

export interface ResultMessage {
  readonly type: 'cors-playground:result';
  readonly id: string;
  /** A `JsOutcome` (client/send.ts). */
  readonly outcome: unknown;
}

export type RunnerMessage = RunMessage | ReadyMessage | ResultMessage;

/** Returns the message when `data` has one of the runner's message types, and `undefined` otherwise. */
export function runnerMessage(data: unknown): RunnerMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Partial<Record<string, unknown>>;
  switch (message.type) {
    case 'cors-playground:ready':
      return { type: message.type };
    case 'cors-playground:run':
      if (typeof message.id !== 'string' || typeof message.url !== 'string') return undefined;
      if (typeof message.request !== 'object' || message.request === null) return undefined;
      return { type: message.type, id: message.id, url: message.url, request: message.request as RequestSpec };
    case 'cors-playground:result':
      if (typeof message.id !== 'string') return undefined;
      return { type: message.type, id: message.id, outcome: message.outcome };
    default:
      return undefined;
  }
}
