/**
 * Takes the README's picture of presenter mode at 1280×720, a projector's resolution, from a running
 * playground: the slide after the send, where the room's prediction meets the browser's verdict.
 * Start the playground with `npm start` first, then run `npm run screenshot:presenter`.
 */
import { origins, takeScreenshot } from './screenshot-page.ts';

const playlist = ['preflight-unauthorized', 'missing-allow-origin'];
const picture = 'docs/screenshot-presenter.png';

await takeScreenshot({ width: 1280, height: 720 }, async (page) => {
  await page.goto(`${origins.app}/#/scenarios/${playlist[0]}/broken?present&playlist=${playlist.join(',')}`);
  const slide = page.getByTestId('presenter');

  // The room predicts a block at the response, which the preflight proves wrong.
  await page.keyboard.press('ArrowRight');
  await page.getByRole('group', { name: 'Will the browser block it?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('group', { name: 'At which stage?' }).getByRole('radio', { name: 'At the response' }).check();
  await page
    .getByRole('group', { name: 'Will the server see the actual request?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.keyboard.press('PageDown');
  await page.getByTestId('prediction-result').waitFor();
  await slide.locator('cp-attempt-verdict [data-testid="as-expected"]').waitFor();
  await page.screenshot({ path: picture });
  console.log(`Wrote ${picture}`);
});
