import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures.ts';

/** The pages a learner, a presenter and a workshop see, each brought to the state worth checking. */
const pages: readonly { readonly name: string; readonly open: (page: Page) => Promise<void> }[] = [
  { name: 'scenario list', open: (page) => page.goto('/').then(() => undefined) },
  { name: 'course and progress', open: (page) => page.goto('/#/progress').then(() => undefined) },
  {
    name: 'scenario, broken, before sending',
    open: async (page) => {
      await page.goto('/#/scenarios/preflight-unauthorized/broken');
      await page.getByRole('group', { name: 'Will the browser block it?' }).getByRole('radio', { name: 'Yes' }).check();
    },
  },
  {
    name: 'scenario, broken, after a predicted send',
    open: async (page) => {
      await page.goto('/#/scenarios/preflight-unauthorized/broken');
      await page.getByRole('group', { name: 'Will the browser block it?' }).getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Predict and send' }).click();
      await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
      await expect(page.getByTestId('prediction-result')).toBeVisible();
    },
  },
  {
    name: 'scenario, blocked at the response, after send',
    open: async (page) => {
      await page.goto('/#/scenarios/missing-allow-origin/broken');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
    },
  },
  {
    name: 'scenario, fixed, after send',
    open: async (page) => {
      await page.goto('/#/scenarios/preflight-unauthorized/fixed');
      await page.getByRole('button', { name: 'Send request' }).click();
      await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
    },
  },
  {
    name: 'presenter, prediction',
    open: async (page) => {
      await page.goto(
        '/#/scenarios/missing-allow-origin/broken?present&playlist=missing-allow-origin,preflight-redirect',
      );
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('prediction')).toBeVisible();
    },
  },
  {
    name: 'scenario not found',
    open: async (page) => {
      await page.goto('/#/scenarios/no-such-scenario/broken');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scenario not found');
    },
  },
  {
    name: 'presenter, resend of the fix',
    open: async (page) => {
      await page.goto('/#/scenarios/missing-allow-origin/broken?present');
      for (let step = 0; step < 5; step++) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-step', 'resend');
      await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
    },
  },
  {
    name: 'presenter, inspector',
    open: async (page) => {
      await page.goto('/#/scenarios/missing-allow-origin/broken?present');
      for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
    },
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const { name, open } of pages) {
      test(`axe finds nothing on ${name}`, async ({ page }) => {
        await open(page);
        // The inspector's rows fade in one by one, and axe would measure their contrast mid-fade.
        await page.emulateMedia({ reducedMotion: 'reduce' });

        const results = await new AxeBuilder({ page }).analyze();

        const summary = results.violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help}\n` +
            violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'),
        );
        expect(summary, 'axe violations').toEqual([]);
      });
    }
  });
}

test('every request stays on a playground origin', async ({ page, origins }) => {
  const allowed = new Set(Object.values(origins));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto('/');
  await page.goto('/#/progress');
  await page.goto('/#/scenarios/missing-allow-origin/broken');
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
  await page.goto('/#/scenarios/missing-allow-origin/fixed?present');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');

  // data: URLs, such as the page's empty icon, never leave the browser.
  const offsite = requests.filter((url) => !url.startsWith('data:') && !allowed.has(new URL(url).origin));
  expect(requests.length, 'the page made requests').toBeGreaterThan(0);
  expect(offsite, 'requests to other origins, such as CDN fonts or scripts').toEqual([]);
});

test('reduced motion stops the inspector animation', async ({ page, playground }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playground.open('missing-allow-origin', 'broken');
  await playground.send();

  const rows = page.locator('cp-sequence-diagram li');
  await expect(rows.first()).toBeVisible();
  const animations = await rows.evaluateAll((items) => items.map((item) => getComputedStyle(item).animationName));
  expect(animations.every((name) => name === 'none')).toBe(true);
});

test('dark scheme switches the theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#/progress');

  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(21, 23, 27)');
});
