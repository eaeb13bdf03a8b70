import { css } from 'lit';

/**
 * Presenter mode's layout. The type size and the high-contrast colours come from `:root[data-present]`
 * in theme.css, because the rem sizes of every nested component follow the root's font size.
 */
export const presenterStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    padding: 0.75rem 1.5rem;
  }

  .slide {
    flex: 1;
  }

  .slide:focus {
    outline: none;
  }

  .kicker {
    color: var(--cp-accent);
    font-weight: 700;
    letter-spacing: 0.04em;
    margin: 0;
    text-transform: uppercase;
  }

  h1 {
    margin-top: 0.2em;
  }

  .lead {
    font-size: 1.15em;
    max-width: 50rem;
  }

  .rule {
    border-left: 6px solid var(--cp-accent);
    font-weight: 700;
    padding-left: 0.75rem;
  }

  /* The position and the buttons stay in view while a long slide, such as the inspector, scrolls. */
  footer {
    align-items: center;
    background: var(--cp-bg);
    border-top: 2px solid var(--cp-border);
    bottom: 0;
    position: sticky;
    display: flex;
    flex-wrap: wrap;
    font-size: 0.75rem;
    gap: 0.25rem 1.5rem;
    justify-content: space-between;
    margin-top: 1rem;
    padding: 0.5rem 0;
  }

  footer p {
    margin: 0;
  }

  nav {
    display: flex;
    gap: 0.5rem;
  }

  button {
    background: transparent;
    border: 2px solid var(--cp-border);
    border-radius: var(--cp-radius);
    color: var(--cp-fg);
    cursor: pointer;
    font: inherit;
    padding: 0.2rem 0.8rem;
  }
`;
