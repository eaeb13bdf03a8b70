import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { scenarios, variantNames } from '../../scenarios/index.ts';
import { listHref, scenarioHref, type Route } from '../routes.ts';
import { baseStyles } from './shared-styles.ts';

type NotFoundRoute = Extract<Route, { kind: 'unknown-scenario' | 'unknown-variant' | 'unknown-path' }>;

/** The page for a URL that names no page, scenario or variant, with links to the valid ones. */
@customElement('cp-not-found')
export class CpNotFound extends LitElement {
  static override styles = [baseStyles];

  /** The route that matched nothing. */
  @property({ attribute: false }) route?: NotFoundRoute;

  override render(): TemplateResult {
    const route = this.route;
    if (route?.kind === 'unknown-variant') {
      const { scenario } = route;
      const problem = route.variant === '' ? 'This link names no variant.' : `There is no variant "${route.variant}".`;
      return html`
        <h1>Variant not found</h1>
        <p>${problem} Scenario <code>${scenario.id}</code> has two variants:</p>
        <ul>
          ${variantNames.map((variant) => html`<li><a href=${scenarioHref(scenario.id, variant)}>${variant}</a></li>`)}
        </ul>
        <p><a href=${listHref}>Back to all scenarios</a></p>
      `;
    }

    const unknownScenario = route?.kind === 'unknown-scenario';
    const problem = unknownScenario
      ? html`There is no scenario with the id <code>${route.id}</code>.`
      : html`No page matches <code>${route?.path ?? ''}</code>. Scenario pages have the form
          <code>/#/scenarios/&lt;id&gt;/broken</code> or <code>/#/scenarios/&lt;id&gt;/fixed</code>.`;
    return html`
      <h1>${unknownScenario ? 'Scenario not found' : 'Page not found'}</h1>
      <p>${problem}</p>
      <p>Valid scenario ids:</p>
      <ul>
        ${scenarios.map(
          (scenario) =>
            html`<li>
              <a href=${scenarioHref(scenario.id, 'broken')}><code>${scenario.id}</code></a>
            </li>`,
        )}
      </ul>
      <p><a href=${listHref}>Back to all scenarios</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-not-found': CpNotFound;
  }
}
