import { expect, test } from './fixtures.ts';

const playlist = ['preflight-unauthorized', 'missing-allow-origin'];

test.use({ viewport: { width: 1280, height: 720 } });

test('keyboard steps through a two-scenario playlist', async ({ page }) => {
  await page.goto(`/#/scenarios/${playlist[0]}/broken?present&playlist=${playlist.join(',')}`);
  const slide = page.getByTestId('presenter');

  await test.step('story', async () => {
    await expect(slide).toHaveAttribute('data-step', 'story');
    await expect(slide).toHaveAttribute('data-scenario', playlist[0]!);
    await expect(page.getByText('Scenario 1 of 2, step 1 of 6')).toBeVisible();
  });

  await test.step('prediction, answered by keyboard', async () => {
    await page.keyboard.press('ArrowRight');
    await expect(slide).toHaveAttribute('data-step', 'predict');
    await page.getByRole('group', { name: 'Will the browser block it?' }).getByRole('radio', { name: 'Yes' }).focus();
    await page.keyboard.press('Space');
    // A clicker's PageDown steps on even while a radio button has focus.
    await page.keyboard.press('PageDown');
  });

  await test.step('send', async () => {
    await expect(slide).toHaveAttribute('data-step', 'send');
    await expect(page.getByTestId('prediction-result')).toHaveAttribute('data-right', '1');
    await expect(slide.locator('.verdict.blocked')).toBeVisible();
  });

  await test.step('inspect', async () => {
    await page.keyboard.press(' ');
    await expect(slide).toHaveAttribute('data-step', 'inspect');
    await expect(page.getByTestId('attempt')).toHaveAttribute('data-js', 'blocked');
    await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
  });

  await test.step('fix', async () => {
    await page.keyboard.press('PageDown');
    await expect(slide).toHaveAttribute('data-step', 'fix');
    await expect(page).toHaveURL(new RegExp(`#/scenarios/${playlist[0]}/fixed\\?present&playlist=`));
    await expect(page.getByTestId('header-diff')).toBeVisible();
  });

  await test.step('send again', async () => {
    await page.keyboard.press('ArrowRight');
    await expect(slide).toHaveAttribute('data-step', 'resend');
    await expect(page.getByTestId('attempt')).toHaveAttribute('data-js', 'allowed');
  });

  await test.step('next scenario, and back', async () => {
    await page.keyboard.press('ArrowRight');
    await expect(slide).toHaveAttribute('data-scenario', playlist[1]!);
    await expect(slide).toHaveAttribute('data-step', 'story');
    await expect(page).toHaveURL(new RegExp(`#/scenarios/${playlist[1]}/broken\\?present`));
    await page.keyboard.press('ArrowLeft');
    await expect(slide).toHaveAttribute('data-scenario', playlist[0]!);
    await page.keyboard.press('n');
    await expect(slide).toHaveAttribute('data-scenario', playlist[1]!);
    await page.keyboard.press('PageUp');
    await expect(slide).toHaveAttribute('data-scenario', playlist[0]!);
  });
});

test('presenter hides the clutter and enlarges type', async ({ page }) => {
  await page.goto(`/#/scenarios/${playlist[0]}/broken?present`);

  await expect(page.getByTestId('presenter')).toBeVisible();
  await expect(page.getByRole('link', { name: 'cors-playground' }), 'no site header').toHaveCount(0);
  await expect(page.getByTestId('course-nav')).toHaveCount(0);
  const rootSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(rootSize, 'root font size in px').toBeGreaterThanOrEqual(22);
  const headingSize = await page
    .getByRole('heading', { level: 1 })
    .evaluate((heading) => parseFloat(getComputedStyle(heading).fontSize));
  expect(headingSize, 'slide title in px').toBeGreaterThanOrEqual(40);
});

test('fixed deep link starts at the fix', async ({ page }) => {
  await page.goto(`/#/scenarios/${playlist[1]}/fixed?present&playlist=${playlist.join(',')}`);

  await expect(page.getByTestId('presenter')).toHaveAttribute('data-step', 'fix');
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-scenario', playlist[1]!);
  await expect(page.getByText('Scenario 2 of 2')).toBeVisible();
});

test('unknown playlist ids are named', async ({ page }) => {
  await page.goto(`/#/?present&playlist=no-such-scenario,${playlist[1]}`);

  await expect(page.getByTestId('unknown-playlist-ids')).toContainText('no-such-scenario');
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-scenario', playlist[1]!);
});

test('buttons step like the keys', async ({ page }) => {
  await page.goto(`/#/scenarios/${playlist[0]}/broken?present&playlist=${playlist.join(',')}`);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-step', 'predict');
  await page.getByRole('button', { name: 'Next scenario' }).click();
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-scenario', playlist[1]!);
});

test('leaving presenter mode restores the page', async ({ page }) => {
  await page.goto(`/#/scenarios/${playlist[0]}/broken?present`);
  await expect(page.getByTestId('presenter')).toBeVisible();

  await page.evaluate(() => (location.hash = '#/scenarios/preflight-unauthorized/broken'));

  await expect(page.getByRole('button', { name: 'Send request' })).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
});
