import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';

import { assertNever } from '../../scenarios/index.ts';
import { origins } from '../origins.ts';
import { findOriginMismatch, type OriginMismatch } from '../page-origin.ts';
import { parsePresentation, type Presentation } from '../presentation.ts';
import { labHref, listHref, progressHref, resolveLocation, type Route } from '../routes.ts';
import { baseStyles } from './shared-styles.ts';
import '../lab/cp-lab-page.ts';
import './cp-not-found.ts';
import './cp-presenter.ts';
import './cp-progress-page.ts';
import './cp-scenario-list.ts';
import './cp-scenario-page.ts';

const siteName = 'cors-playground';

/**
 * The application shell. It follows the location and shows the page it names, below a warning when the
 * page is open at an origin that the servers do not allow.
 */
@customElement('cp-app')
export class CpApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        margin: 0 auto;
        max-width: var(--cp-max-width);
        padding: 0 var(--cp-space) 3rem;
      }

      header {
        align-items: baseline;
        border-bottom: 1px solid var(--cp-border);
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        padding: 0.75rem 0;
      }

      .site-name {
        color: var(--cp-fg);
        font-family: var(--cp-font-mono);
        font-weight: 700;
        text-decoration: none;
      }

      main:focus {
        outline: none;
      }

      .progress-link {
        margin-left: auto;
      }

      .wrong-origin {
        margin-top: var(--cp-space);
      }
    `,
  ];

  @state() private route: Route = routeOfLocation();

  /** Presenter mode's playlist when the URL turns it on, which replaces the header and page with slides. */
  @state() private presentation?: Presentation = parsePresentation(location);

  @query('main') private main?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
    super.disconnectedCallback();
  }

  override updated(changed: PropertyValues): void {
    // The presenter titles its own slides.
    if (this.presentation !== undefined) return;
    document.title = pageTitle(this.route);

    // Moving to another page moves focus to it, as a full page load would, but switching variant keeps
    // focus on the toggle the learner used.
    const previous = changed.get('route') as Route | undefined;
    if (previous !== undefined && pageKey(previous) !== pageKey(this.route)) {
      window.scrollTo(0, 0);
      this.main?.focus();
    }
  }

  override render(): TemplateResult {
    const mismatch = this.renderOriginMismatch(findOriginMismatch(location, origins.app));
    if (this.presentation !== undefined) {
      return html`${mismatch}
        <main><cp-presenter .presentation=${this.presentation} .route=${this.route}></cp-presenter></main>`;
    }
    return html`
      ${mismatch}
      <header>
        <a class="site-name" href=${listHref}>${siteName}</a>
        <span class="muted"
          >Reproduce CORS failures in this browser, and see the server change that fixes each one.</span
        >
        <a class="progress-link" href=${progressHref}>Course and progress</a>
        <a href=${labHref}>Lab</a>
      </header>
      <main tabindex="-1">${this.renderRoute(this.route)}</main>
    `;
  }

  private renderOriginMismatch(mismatch: OriginMismatch | undefined): TemplateResult | typeof nothing {
    if (mismatch === undefined) return nothing;
    return html`
      <div class="note error wrong-origin" data-testid="wrong-origin" role="alert">
        This page is open at <code>${mismatch.actual}</code>, but the playground's servers allow only
        <code>${mismatch.expected}</code>, so attempts from here do not behave as the scenarios describe. Open
        <a href=${mismatch.href}>${mismatch.href}</a> instead.
      </div>
    `;
  }

  private renderRoute(route: Route): TemplateResult {
    switch (route.kind) {
      case 'list':
        return html`<cp-scenario-list></cp-scenario-list>`;
      case 'progress':
        return html`<cp-progress-page></cp-progress-page>`;
      case 'lab':
        return html`<cp-lab-page .query=${route.query}></cp-lab-page>`;
      case 'scenario':
        return html`<cp-scenario-page .scenario=${route.scenario} .variant=${route.variant}></cp-scenario-page>`;
      case 'unknown-scenario':
      case 'unknown-variant':
      case 'unknown-path':
        return html`<cp-not-found .route=${route}></cp-not-found>`;
      default:
        return assertNever(route);
    }
  }

  private readonly handleHashChange = (): void => {
    this.route = routeOfLocation();
    this.presentation = parsePresentation(location);
  };
}

/** Resolves the current URL, and rewrites a path-form scenario URL as its hash route in the address bar. */
function routeOfLocation(): Route {
  const { route, replacement } = resolveLocation(location);
  if (replacement !== undefined) history.replaceState(history.state, '', replacement);
  return route;
}

function pageTitle(route: Route): string {
  if (route.kind === 'scenario') return `${route.scenario.title} (${route.variant}) · ${siteName}`;
  if (route.kind === 'lab') return `Lab · ${siteName}`;
  return siteName;
}

/** Identifies a page apart from its variant, so that the broken/fixed toggle does not count as navigation. */
function pageKey(route: Route): string {
  return route.kind === 'scenario' ? `scenario:${route.scenario.id}` : route.kind;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-app': CpApp;
  }
}
