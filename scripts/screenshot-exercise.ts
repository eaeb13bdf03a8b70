/**
 * Takes the README's screenshot of the "Fix it yourself" exercise from a running playground: the
 * learner's fix with `Access-Control-Allow-Origin: *`, which passes but is flagged as unsafe.
 * Start the playground with `npm start` first, then run `npm run screenshot:exercise`.
 */
import { origins, takeScreenshot } from './screenshot-page.ts';

const scenarioId = process.argv[2] ?? 'missing-allow-origin';
const output = process.argv[3] ?? 'docs/screenshot-exercise.png';

await takeScreenshot({ width: 1280, height: 800 }, async (page) => {
  await page.goto(`${origins.app}/#/scenarios/${scenarioId}/broken`);
  const exercise = page.getByTestId('exercise');
  await exercise.getByLabel('New response header name').fill('Access-Control-Allow-Origin');
  await exercise.getByLabel('New response header name').press('Enter');
  await exercise
    .getByTestId('response-answer')
    .getByLabel(/^Response header \d+ value$/)
    .last()
    .fill('*');
  await exercise.getByRole('button', { name: 'Check my fix' }).click();
  // The check sends from the app, then from the attacker's page and a null origin.
  await exercise
    .getByTestId('exercise-result')
    .and(page.locator('[data-state="safe"], [data-state="unsafe"], [data-state="blocked"]'))
    .waitFor({ timeout: 60_000 });
  // Start the picture at the edited headers, so it shows the fix, the verdict and the comparison below it.
  await exercise
    .getByTestId('response-answer')
    .getByRole('list', { name: 'Response headers' })
    .evaluate((list) => list.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: output, fullPage: false });
  console.log(`Wrote ${output} from ${page.url()}`);
});
