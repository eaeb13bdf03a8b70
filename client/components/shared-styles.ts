import { css } from 'lit';

/** Base styles for every component's shadow root, which the page's stylesheet does not reach. */
export const baseStyles = css`
  :host {
    display: block;
  }

  * {
    box-sizing: border-box;
  }

  a {
    color: var(--cp-link);
  }

  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--cp-focus);
    outline-offset: 2px;
  }

  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 1.5em 0 0.5em;
  }

  h1 {
    font-size: 1.9rem;
    margin-top: 0.5em;
  }

  h2 {
    font-size: 1.35rem;
  }

  h3 {
    font-size: 1.1rem;
  }

  code,
  pre,
  kbd {
    font-family: var(--cp-font-mono);
    font-size: 0.9em;
  }

  pre {
    background: var(--cp-code-bg);
    border: 1px solid var(--cp-border);
    border-radius: var(--cp-radius);
    margin: 0.5em 0;
    overflow-x: auto;
    padding: 0.75em 1em;
    line-height: 1.45;
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }

  th,
  td {
    border-bottom: 1px solid var(--cp-border);
    padding: 0.3em 0.6em;
    text-align: left;
    vertical-align: top;
  }

  th {
    font-weight: 600;
  }

  .muted {
    color: var(--cp-muted);
  }

  .visually-hidden {
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    height: 1px;
    overflow: hidden;
    position: absolute;
    white-space: nowrap;
    width: 1px;
  }

  .note {
    border-left: 4px solid var(--cp-border);
    border-radius: var(--cp-radius);
    background: var(--cp-surface);
    margin: 0.75em 0;
    padding: 0.6em 1em;
  }

  .note.warning {
    background: var(--cp-warning-bg);
    border-left-color: var(--cp-warning-border);
  }

  .note.error {
    background: var(--cp-error-bg);
    border-left-color: var(--cp-error-border);
  }

  /* A verdict word: red when the browser blocked, green when it allowed. */
  .verdict {
    font-weight: 700;
  }

  .verdict.blocked {
    color: var(--cp-blocked);
  }

  .verdict.allowed {
    color: var(--cp-allowed);
  }

  /* Motion only decorates: with reduced motion every animation and transition ends at once. */
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      animation-delay: 0s !important;
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }

  /* A captioned block of code or headers. */
  figure {
    margin: 0.75rem 0;
  }

  figcaption {
    color: var(--cp-muted);
    font-size: 0.9rem;
  }
`;

/** A small bordered button, as the copy buttons and the lab's forms use. */
export const buttonStyles = css`
  button {
    background: var(--cp-surface);
    border: 1px solid var(--cp-border);
    border-radius: var(--cp-radius);
    color: var(--cp-fg);
    cursor: pointer;
    font: inherit;
    font-size: 0.85rem;
    padding: 0.2rem 0.75rem;
  }
`;
