/**
 * The runner page's script (bundled by `server/runner.ts`). It sends the request the app page posts,
 * from this page's origin, and posts back what its JavaScript observed. It obeys the app page only:
 * any page that could frame it would otherwise send requests from the playground's origins.
 */
import { runnerMessage } from '../../scenarios/runner-protocol.ts';
import { sendRequest } from '../send.ts';

const appOrigin = document.currentScript?.dataset.appOrigin;

if (appOrigin !== undefined && window.parent !== window) {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== appOrigin) return;
    const message = runnerMessage(event.data);
    if (message?.type !== 'cors-playground:run') return;
    void sendRequest(message.url, message.request).then((outcome) => {
      window.parent.postMessage({ type: 'cors-playground:result', id: message.id, outcome }, appOrigin);
    });
  });
  window.parent.postMessage({ type: 'cors-playground:ready' }, appOrigin);
}
