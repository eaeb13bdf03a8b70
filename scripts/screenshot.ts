/**
 * Takes the README's screenshot of a failing scenario from a running playground.
 * Start the playground with `npm start` first, then run `npm run screenshot`.
 */
import { origins, takeScreenshot } from './screenshot-page.ts';

const scenarioId = process.argv[2] ?? 'preflight-unauthorized';
const output = process.argv[3] ?? 'docs/screenshot-broken.png';

await takeScreenshot({ width: 1280, height: 1100 }, async (page) => {
  await page.goto(`${origins.app}/#/scenarios/${scenarioId}/broken`);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByTestId('attempt').and(page.locator('[data-state="done"]')).waitFor();
  // Start the picture at the Send button, so it shows the attempt from the request to the server's view.
  await page.getByRole('heading', { name: 'Try it' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: output, fullPage: false });
  console.log(`Wrote ${output} from ${page.url()}`);
});
