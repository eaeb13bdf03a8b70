import { css } from 'lit';
import { buttonStyles } from '../components/shared-styles.ts';

/** Form styles shared by the lab's editors, its buttons included. */
export const labFormStyles = [
  buttonStyles,
  css`
    fieldset {
      border: 1px solid var(--cp-border);
      border-radius: var(--cp-radius);
      margin: 0.75rem 0;
      min-width: 0;
      padding: 0.5rem 0.9rem 0.75rem;
    }

    legend {
      font-weight: 600;
      padding: 0 0.35rem;
    }

    label {
      display: block;
      font-size: 0.9rem;
      font-weight: 600;
    }

    input,
    select,
    textarea {
      background: var(--cp-bg);
      border: 1px solid var(--cp-border);
      border-radius: var(--cp-radius);
      color: var(--cp-fg);
      font: inherit;
      font-size: 0.9rem;
      padding: 0.25rem 0.4rem;
      max-width: 100%;
    }

    input.mono,
    textarea {
      font-family: var(--cp-font-mono);
    }

    textarea {
      width: 100%;
    }

    [aria-invalid='true'] {
      border-color: var(--cp-error-border);
      outline: 1px solid var(--cp-error-border);
    }

    .field {
      margin: 0.4rem 0;
    }

    .inline {
      align-items: end;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }

    .field-error {
      color: var(--cp-blocked);
      font-size: 0.85rem;
      margin: 0.15rem 0;
    }

    .hint {
      color: var(--cp-muted);
      font-size: 0.85rem;
      font-weight: normal;
      margin: 0.15rem 0;
    }

    button.primary {
      background: var(--cp-button-bg);
      border: none;
      color: var(--cp-button-fg);
      font-size: 1rem;
      font-weight: 600;
      padding: 0.5rem 1.25rem;
    }

    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
  `,
];
