/**
 * Builds the page a learner downloads and opens from disk, for a request whose catalog page is `file`.
 * A `file:` URL has an opaque origin, which the app can neither open nor frame, so the learner opens it.
 */
import type { RequestSpec } from '../scenarios/index.ts';
import { requestInit } from './send.ts';

/** What the downloaded page holds: the request to send, and the scenario it belongs to. */
export interface FilePage {
  readonly scenarioTitle: string;
  /** The variant's URL with the attempt's trace id, from `requestUrl`. */
  readonly url: string;
  readonly request: RequestSpec;
  /** The app page to return to, which reads the records of the trace. */
  readonly appPageUrl: string;
}

/** The name the download gets, such as `file-origin-null-broken.html`. */
export function filePageName(scenarioId: string, variant: string): string {
  return `${scenarioId}-${variant}.html`;
}

/**
 * Returns a self-contained HTML page whose inline script sends the request with `fetch()` and prints what
 * its JavaScript saw in `<pre id="result">`, with `data-state="done"` once it has settled.
 * NOTE: only `fetch()` is written out, the one initiator a `file` page sends with in the catalog.
 */
export function filePageHtml({ scenarioTitle, url, request, appPageUrl }: FilePage): string {
  if (request.initiator !== 'fetch') {
    throw new Error(
      `Invalid initiator '${request.initiator}' for a page opened from disk: the downloaded page sends only with fetch().`,
    );
  }
  const call = { url, init: requestInit(request) };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(scenarioTitle)}: a page opened from disk</title>
</head>
<body>
<h1>${escapeHtml(scenarioTitle)}</h1>
<p>This page sends <code>fetch(${escapeHtml(JSON.stringify(url))})</code> from a <code>file:</code> URL.
Open DevTools (F12) to see the console message and the issue, then go back to
<a href="${escapeHtml(appPageUrl)}">the scenario page</a> and press Show what the servers recorded.</p>
<h2>What JavaScript saw</h2>
<pre id="result" data-state="running">Sending…</pre>
<script>
const call = ${scriptJson(call)};
const result = document.getElementById('result');
const show = (text) => {
  result.textContent = text;
  result.dataset.state = 'done';
};
fetch(call.url, call.init).then(
  async (response) => show(response.status + ' ' + response.statusText + '\\n\\n' + (await response.text())),
  (error) => show(error.name + ': ' + error.message),
);
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON for an inline script: `<` is escaped, so no value can close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
