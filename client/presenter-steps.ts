/**
 * The presenter's slides for one scenario, and the keys that step through them as a slide clicker does.
 * Clickers send PageDown and PageUp, and some send the arrow keys or Space.
 */
import type { VariantName } from '../scenarios/index.ts';

export type PresenterStep = 'story' | 'predict' | 'send' | 'inspect' | 'fix' | 'resend';

export const presenterSteps: readonly PresenterStep[] = ['story', 'predict', 'send', 'inspect', 'fix', 'resend'];

export const stepTitles: Readonly<Record<PresenterStep, string>> = {
  story: 'Story',
  predict: 'Predict',
  send: 'Send',
  inspect: 'Inspect',
  fix: 'Fix',
  resend: 'Send again',
};

/** The variant a step shows: the broken one until the fix. */
export function stepVariant(step: PresenterStep): VariantName {
  return presenterSteps.indexOf(step) < presenterSteps.indexOf('fix') ? 'broken' : 'fixed';
}

export type PresenterAction = 'next-step' | 'previous-step' | 'next-scenario' | 'previous-scenario' | 'first-step';

/** The key events the presenter reads, as a plain object so that tests need no DOM. */
export interface PresenterKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  /** The focused control's own use of keys: radio buttons move with the arrows, buttons press with Space. */
  readonly target: 'text' | 'radio' | 'button' | 'other';
}

/**
 * Maps a key to a presenter action, or returns undefined to leave the key to the browser. PageDown and
 * PageUp always step, so a clicker works wherever focus is. The arrows and Space step unless the focused
 * control uses them itself.
 */
export function presenterAction(event: PresenterKey): PresenterAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (event.target === 'text') return undefined;
  const arrowsFree = event.target !== 'radio';
  const spaceFree = event.target === 'other';

  switch (event.key) {
    case 'PageDown':
      return 'next-step';
    case 'PageUp':
      return 'previous-step';
    case 'ArrowRight':
      return arrowsFree ? 'next-step' : undefined;
    case 'ArrowLeft':
      return arrowsFree ? 'previous-step' : undefined;
    case ' ':
      if (!spaceFree) return undefined;
      return event.shiftKey ? 'previous-step' : 'next-step';
    case 'n':
    case 'N':
      return 'next-scenario';
    case 'p':
    case 'P':
      return 'previous-scenario';
    case 'Home':
      return 'first-step';
    default:
      return undefined;
  }
}
