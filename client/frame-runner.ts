/**
 * Sends a request from a page other than the app: a runner page in an iframe (see `server/runner.ts`).
 * The iframe sends the request with the catalog's initiator and posts back what its JavaScript observed.
 */
import { assertNever, fillOrigins, type OriginMap, type RequestSpec, type VariantName } from '../scenarios/index.ts';
import { runnerMessage, runnerPath, runnerScriptPath } from '../scenarios/runner-protocol.ts';
import { sendRequest, type JsOutcome } from './send.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The source of a runner iframe, and the origin its messages carry (`null` when sandboxed). */
export type RunnerFrame =
  | { readonly kind: 'frame'; readonly src: string; readonly origin: string }
  | { readonly kind: 'sandboxed-frame'; readonly scriptUrl: string };

export interface FrameOptions {
  /** How long to wait for the page to load and post its result. */
  readonly timeoutMs?: number;
}

/** Sends the request from the page that the catalog row names, and returns what that page's JavaScript saw. */
export function sendFromPage(
  url: string,
  request: RequestSpec,
  where: { readonly origins: OriginMap; readonly scenarioId: string; readonly variant: VariantName },
  fetchFn?: Fetch,
): Promise<JsOutcome> {
  const page = request.page ?? { kind: 'app' };
  switch (page.kind) {
    case 'app':
      return sendRequest(url, request, fetchFn);
    case 'frame': {
      const origin = fillOrigins(page.origin, where.origins);
      const src = `${origin}${runnerPath}/${where.scenarioId}/${where.variant}`;
      return runInFrame({ kind: 'frame', src, origin }, url, request);
    }
    case 'sandboxed-frame':
      return runInFrame(
        { kind: 'sandboxed-frame', scriptUrl: `${where.origins.api}${runnerScriptPath}` },
        url,
        request,
      );
    case 'file':
      // The app can neither open nor frame a file: URL; the scenario page offers the page as a download instead.
      return Promise.resolve({
        kind: 'rejected',
        name: 'Error',
        message: 'This request is sent from a page opened from disk: download the page and open it in Chromium.',
      });
    default:
      return assertNever(page);
  }
}

let nextId = 0;

/**
 * Loads a runner page in a hidden iframe, posts it the request, and resolves with its result. Messages
 * count only from that iframe's window and from the origin it should have, so no other frame can reply.
 */
export function runInFrame(
  frame: RunnerFrame,
  url: string,
  request: RequestSpec,
  { timeoutMs = 15_000 }: FrameOptions = {},
): Promise<JsOutcome> {
  const id = `run-${++nextId}`;
  // The previous attempt's frame stays until now, so that DevTools can still show its console messages and
  // issues: Chromium reports a cross-site frame's issues on that frame's own target, which goes with it.
  for (const previous of document.querySelectorAll('iframe[data-runner]')) previous.remove();
  const iframe = document.createElement('iframe');
  iframe.dataset.runner = '';
  iframe.title = 'Page that sends the request';
  iframe.hidden = true;
  const expectedOrigin = frame.kind === 'frame' ? frame.origin : 'null';
  const pageName = frame.kind === 'frame' ? `The page at ${frame.origin}` : 'The sandboxed page';

  return new Promise<JsOutcome>((resolve) => {
    const finish = (outcome: JsOutcome) => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish({
          kind: 'rejected',
          name: 'Error',
          message: `${pageName} did not respond within ${timeoutMs / 1000} s, so the playground could not send the request from it. Check that the playground's servers are running.`,
        }),
      timeoutMs,
    );
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow || event.origin !== expectedOrigin) return;
      const message = runnerMessage(event.data);
      if (message?.type === 'cors-playground:ready') {
        // An opaque origin cannot be named as a target, so the sandboxed page gets '*'; the request is not secret.
        iframe.contentWindow?.postMessage(
          { type: 'cors-playground:run', id, url, request },
          frame.kind === 'frame' ? frame.origin : '*',
        );
      } else if (message?.type === 'cors-playground:result' && message.id === id && isJsOutcome(message.outcome)) {
        finish(message.outcome);
      }
    };
    window.addEventListener('message', onMessage);

    if (frame.kind === 'frame') {
      iframe.src = frame.src;
    } else {
      // Without allow-same-origin the document gets an opaque origin, which serializes as `null`.
      iframe.sandbox.add('allow-scripts');
      iframe.srcdoc = `<!doctype html><script src="${escapeAttribute(frame.scriptUrl)}" data-app-origin="${escapeAttribute(window.location.origin)}"></script>`;
    }
    document.body.append(iframe);
  });
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The result comes from the runner frame itself (its window and origin were checked), so its shape is trusted. */
function isJsOutcome(value: unknown): value is JsOutcome {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
