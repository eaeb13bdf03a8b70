import { categories, categoryOrder, scenarios } from '../scenarios/index.ts';
import { expect, test } from './fixtures.ts';

test('scenario list groups scenarios by category', async ({ page }) => {
  await page.goto('/');
  for (const category of categoryOrder) {
    await expect(page.getByRole('heading', { name: categories[category].title, exact: true })).toBeVisible();
  }
  for (const scenario of scenarios) {
    await expect(page.getByRole('link', { name: scenario.title })).toBeVisible();
  }
});

test('scenario link opens the broken variant', async ({ page }) => {
  const [scenario] = scenarios;
  await page.goto('/');
  await page.getByRole('link', { name: scenario!.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/scenarios/${scenario!.id}/broken$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenario!.title);
  await expect(page.getByRole('link', { name: 'Broken' })).toHaveAttribute('aria-current', 'page');
});

test('toggle switches variant and clears attempt', async ({ playground, page }) => {
  await playground.open('method-not-allowed', 'broken');
  await playground.send();
  await expect(page.getByTestId('attempt')).toHaveCount(1);

  await page.getByRole('link', { name: 'Fixed' }).click();
  await expect(page).toHaveURL(/#\/scenarios\/method-not-allowed\/fixed$/);
  await expect(page.getByRole('link', { name: 'Fixed' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('attempt')).toHaveCount(0);
  await expect(page.getByTestId('header-diff')).toContainText('Access-Control-Allow-Methods');
});

test('deep link opens the fixed variant', async ({ playground, page }) => {
  await playground.open('preflight-redirect', 'fixed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preflight answered with a redirect');
  await expect(page.getByRole('link', { name: 'Fixed' })).toHaveAttribute('aria-current', 'page');
});

test('unknown scenario lists the valid ids', async ({ page }) => {
  await page.goto('/#/scenarios/no-such-scenario/broken');
  await expect(page.getByText('no-such-scenario')).toBeVisible();
  for (const scenario of scenarios) {
    await expect(page.getByText(scenario.id, { exact: true }).first()).toBeVisible();
  }
});

test('unknown variant names the valid variants', async ({ page }) => {
  await page.goto('/#/scenarios/missing-allow-origin/half-fixed');
  await expect(page.getByText('half-fixed')).toBeVisible();
  await expect(page.getByRole('link', { name: /broken/i }).first()).toBeVisible();
});

test('sharing a server keeps attempts apart', async ({ browser, baseURL }) => {
  // Two learners on the same servers, one on each variant, send at the same time.
  const [broken, fixed] = await Promise.all([browser.newPage({ baseURL }), browser.newPage({ baseURL })]);
  await broken.goto('/#/scenarios/missing-allow-origin/broken');
  await fixed.goto('/#/scenarios/missing-allow-origin/fixed');
  await Promise.all([
    broken.getByRole('button', { name: 'Send request' }).click(),
    fixed.getByRole('button', { name: 'Send request' }).click(),
  ]);
  await expect(broken.getByTestId('attempt')).toHaveAttribute('data-js', 'blocked');
  await expect(fixed.getByTestId('attempt')).toHaveAttribute('data-js', 'allowed');
  await expect(broken.getByTestId('exchange')).toHaveCount(1);
  await expect(fixed.getByTestId('exchange')).toHaveCount(1);
  await Promise.all([broken.close(), fixed.close()]);
});
