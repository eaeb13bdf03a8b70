import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

import { parseProgress, progressStorageKey } from '../client/progress.ts';
import { expect, test } from './fixtures.ts';

// A check sends the fix once from the app and, when it passes, four times more from the other pages.
const checkTimeout = 60_000;

/** Adds a response header to the exercise's editor with the keyboard, as a learner would. */
async function addResponseHeader(exercise: Locator, name: string, value: string): Promise<void> {
  await exercise.getByLabel('New response header name').fill(name);
  await exercise.getByLabel('New response header name').press('Enter');
  await exercise
    .getByTestId('response-answer')
    .getByLabel(/^Response header \d+ value$/)
    .last()
    .fill(value);
}

async function checkFix(page: Page, exercise: Locator): Promise<Locator> {
  await exercise.getByRole('button', { name: 'Check my fix' }).focus();
  await page.keyboard.press('Enter');
  const result = exercise.getByTestId('exercise-result');
  await expect(result).not.toHaveAttribute('data-state', /idle|checking/, { timeout: checkTimeout });
  return result;
}

/** Reads whether the progress in the page's localStorage marks a scenario fixed. */
async function storedFixed(page: Page, id: string): Promise<boolean> {
  const stored = await page.evaluate((key) => localStorage.getItem(key), progressStorageKey);
  return parseProgress(stored ?? '{}')[id]?.fixed ?? false;
}

test.describe('fix it yourself', () => {
  test.setTimeout(150_000);

  test('a safe fix passes and marks the scenario fixed', async ({ page, origins }) => {
    await page.goto('/#/scenarios/missing-allow-origin/broken');
    const exercise = page.getByTestId('exercise');

    await test.step('the broken answers are still blocked', async () => {
      const result = await checkFix(page, exercise);
      await expect(result).toHaveAttribute('data-state', 'blocked');
      await expect(result).toContainText('Not yet');
    });

    await test.step('an allowlist of the app passes, safely', async () => {
      await addResponseHeader(exercise, 'Access-Control-Allow-Origin', origins.app);
      const result = await checkFix(page, exercise);
      await expect(result).toHaveAttribute('data-state', 'safe');
      await expect(result).toContainText('Your fix passes, safely.');
    });

    await test.step('the comparison marks what matches the reference', async () => {
      const hop = exercise.getByTestId('comparison-hop');
      await expect(hop.getByRole('row', { name: /^Access-Control-Allow-Origin/ })).toHaveAttribute(
        'data-match',
        'same',
      );
      await expect(hop.getByRole('row', { name: /^Vary/ })).toHaveAttribute('data-match', 'only-reference');
    });

    expect(await storedFixed(page, 'missing-allow-origin')).toBe(true);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test('a wildcard passes but is flagged as unsafe', async ({ page, origins }) => {
    await page.goto('/#/scenarios/missing-allow-origin/broken');
    const exercise = page.getByTestId('exercise');

    await addResponseHeader(exercise, 'Access-Control-Allow-Origin', '*');
    const result = await checkFix(page, exercise);

    await expect(result).toHaveAttribute('data-state', 'unsafe');
    const findings = result.getByTestId('exercise-findings').getByRole('listitem');
    // The sandboxed frame reads the response too, as `*` admits an opaque origin as well.
    await expect(findings.first()).toHaveAttribute('data-kind', 'wildcard');
    await expect(findings.first()).toContainText(origins.attacker);
    expect(await storedFixed(page, 'missing-allow-origin')).toBe(false);
  });

  test('a fix made on the page has no exercise, and says why', async ({ page }) => {
    await page.goto('/#/scenarios/method-case-patch/broken');

    await expect(page.getByTestId('exercise-not-applicable')).toContainText('the fix is on the page');
    await expect(page.getByTestId('exercise').getByRole('button', { name: 'Check my fix' })).toHaveCount(0);
  });
});
