import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Scenario, VariantName } from '../../scenarios/index.ts';
import { origins } from '../origins.ts';
import { serverCodeBlocks } from '../server-code.ts';
import { baseStyles } from './shared-styles.ts';

/** The current variant's server configuration, as the code a learner would write. */
@customElement('cp-server-code')
export class CpServerCode extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) scenario?: Scenario;

  @property() variant: VariantName = 'broken';

  override render(): TemplateResult | typeof nothing {
    if (this.scenario === undefined) return nothing;
    const blocks = serverCodeBlocks(this.scenario, this.variant, origins);
    return html`
      ${blocks.map(
        (block) => html`
          <figure>
            <figcaption>${block.title}</figcaption>
            <pre><code class="language-${block.language}">${block.code}</code></pre>
          </figure>
        `,
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-server-code': CpServerCode;
  }
}
