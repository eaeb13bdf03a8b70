import { LitElement, css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { laneLabel, stepResultText, stepStatusText } from '../sequence-labels.ts';
import type { Lane, Sequence, SequenceStep } from '../sequence.ts';
import { baseStyles } from './shared-styles.ts';

/**
 * A sequence diagram of one attempt: a lifeline for the browser and for each server, and an arrow for
 * each request with what the browser did with it. The steps are an ordered list, so a screen reader
 * reads them in order as text, and it skips the lines and arrowheads, which are decoration.
 */
@customElement('cp-sequence-diagram')
export class CpSequenceDiagram extends LitElement {
  static override styles = [
    baseStyles,
    css`
      figure {
        background: var(--cp-surface);
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        margin: 0.5rem 0;
        padding: 0.75rem 0.5rem;
      }

      .lanes,
      li {
        display: grid;
        grid-template-columns: repeat(var(--lanes), minmax(0, 1fr));
      }

      .lane {
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        background: var(--cp-bg);
        margin: 0 0.25rem;
        overflow-wrap: anywhere;
        padding: 0.25rem 0.4rem;
        text-align: center;
      }

      .lane .origin {
        color: var(--cp-muted);
        display: block;
        font-family: var(--cp-font-mono);
        font-size: 0.75rem;
      }

      .body {
        position: relative;
      }

      .lifelines {
        height: 100%;
        inset: 0;
        position: absolute;
        width: 100%;
      }

      .lifelines line {
        stroke: var(--cp-border);
        stroke-dasharray: 4 4;
        stroke-width: 2;
      }

      ol {
        list-style: none;
        margin: 0;
        padding: 0.5rem 0 0.25rem;
        position: relative;
      }

      li {
        padding: 0.35rem 0;
      }

      .label,
      .outcome {
        justify-self: center;
        max-width: 100%;
        overflow-wrap: anywhere;
        padding: 0 0.5rem;
        text-align: center;
      }

      .label span,
      .outcome span {
        background: var(--cp-surface);
      }

      .label code {
        font-weight: 600;
      }

      .role {
        color: var(--cp-muted);
        font-size: 0.85rem;
      }

      .arrow {
        color: var(--step-color);
        display: block;
        grid-column: 1 / -1;
        height: 16px;
        overflow: visible;
        width: 100%;
      }

      .arrow line {
        stroke: currentColor;
        stroke-width: 2;
      }

      .arrow polygon {
        fill: currentColor;
      }

      .outcome {
        font-size: 0.9rem;
      }

      .badge {
        color: var(--step-color);
        font-weight: 600;
      }

      li.passed {
        --step-color: var(--cp-allowed);
      }

      li.blocked {
        --step-color: var(--cp-blocked);
      }

      li.not-sent {
        --step-color: var(--cp-muted);
      }

      li.not-sent .arrow line {
        stroke-dasharray: 6 5;
      }

      li.not-sent .label {
        color: var(--cp-muted);
      }

      li.server {
        --step-color: var(--cp-muted);
      }

      figcaption {
        color: var(--cp-muted);
        font-size: 0.85rem;
        margin-top: 0.5rem;
        padding: 0 0.5rem;
      }

      @media (prefers-reduced-motion: no-preference) {
        li {
          animation: step-in 180ms ease-out both;
          animation-delay: calc(var(--index) * 50ms);
        }
      }

      @keyframes step-in {
        from {
          opacity: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) sequence?: Sequence;

  override render(): TemplateResult | typeof nothing {
    const sequence = this.sequence;
    if (sequence === undefined) return nothing;
    const { lanes, steps } = sequence;
    const participants = lanes.map((lane) => `${lane.label} (${lane.origin})`).join(', ');

    return html`
      <figure data-testid="sequence-diagram" style="--lanes: ${lanes.length}" aria-labelledby="diagram-caption">
        <div class="lanes" aria-hidden="true">
          ${lanes.map(
            (lane) =>
              html`<div class="lane"><strong>${lane.label}</strong><span class="origin">${lane.origin}</span></div>`,
          )}
        </div>
        <div class="body">
          <svg class="lifelines" aria-hidden="true">
            ${lanes.map((_, index) => {
              const x = `${centre(index, lanes.length)}%`;
              return svg`<line x1=${x} x2=${x} y1="0" y2="100%"></line>`;
            })}
          </svg>
          <ol>
            ${steps.map((step, index) => this.renderStep(step, index, lanes))}
          </ol>
        </div>
        <figcaption id="diagram-caption">
          Requests between ${participants}, in order. Green arrows passed the browser's checks, a red arrow is where the
          browser blocked the response, and a dashed grey arrow is a request the browser never sent.
        </figcaption>
      </figure>
    `;
  }

  private renderStep(step: SequenceStep, index: number, lanes: readonly Lane[]): TemplateResult {
    const from = laneIndex(lanes, step.from);
    const to = laneIndex(lanes, step.to);
    const columns = `grid-column: ${Math.min(from, to) + 1} / ${Math.max(from, to) + 2}`;
    let role = 'Request';
    if (step.role === 'preflight') role = 'Preflight';
    else if (step.sender === 'server') role = 'Forwarded';

    return html`
      <li
        class="${step.result} ${step.sender}"
        style="--index: ${index}"
        data-testid="sequence-step"
        data-method=${step.method}
        data-status=${step.status ?? ''}
        data-result=${step.result}
        data-from=${step.from}
        data-to=${step.to}
      >
        <div class="label" style=${columns}>
          <span class="role">${index + 1}. ${role}</span> <span><code>${step.method} ${step.path}</code></span>
          <span class="visually-hidden">from ${laneLabel(lanes, step.from)} to ${laneLabel(lanes, step.to)}:</span>
        </div>
        ${this.renderArrow(step, from, to, lanes.length)}
        <div class="outcome" style=${columns}>
          <span>${stepStatusText(step)}</span> · <span class="badge">${stepResultText(step)}</span>
        </div>
      </li>
    `;
  }

  private renderArrow(step: SequenceStep, from: number, to: number, count: number): TemplateResult {
    const x1 = centre(from, count);
    const x2 = centre(to, count);
    const direction = x2 >= x1 ? 1 : -1;
    return html`
      <svg class="arrow" aria-hidden="true">
        <line x1="${x1}%" x2="${x2}%" y1="8" y2="8"></line>
        <svg x="${x2}%" y="8" overflow="visible">
          <polygon points="${-10 * direction},-6 0,0 ${-10 * direction},6"></polygon>
        </svg>
        ${step.result === 'blocked' ? blockedMark(x1, direction) : nothing}
      </svg>
    `;
  }
}

/** Draws a cross on the browser's end of the arrow: the response came back, and the browser stopped there. */
function blockedMark(x: number, direction: number): SVGTemplateResult {
  return svg`
    <svg x="${x}%" y="8" overflow="visible">
      <g transform="translate(${14 * direction}, 0)">
        <line x1="-6" y1="-6" x2="6" y2="6"></line>
        <line x1="-6" y1="6" x2="6" y2="-6"></line>
      </g>
    </svg>
  `;
}

/** Returns the centre of a lane's column, in percent of the diagram's width. */
function centre(index: number, count: number): number {
  return ((index + 0.5) / count) * 100;
}

function laneIndex(lanes: readonly Lane[], id: Lane['id']): number {
  return Math.max(
    0,
    lanes.findIndex((lane) => lane.id === id),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-sequence-diagram': CpSequenceDiagram;
  }
}
