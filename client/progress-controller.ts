import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { progress, type ProgressStore } from './progress.ts';

/** Re-renders its host whenever the learner's progress changes, in this tab or another. */
export class ProgressController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: ProgressStore = progress,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.store.addEventListener('change', this.handleChange);
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.handleChange);
  }

  private readonly handleChange = (): void => {
    this.host.requestUpdate();
  };
}
