import type { Page } from '@playwright/test';

import { stageTexts, stages } from '../client/prediction.ts';
import { expect, test } from './fixtures.ts';

/** The radio button for one answer of one prediction question. */
function answer(page: Page, question: string, option: string) {
  return page.getByRole('group', { name: question }).getByRole('radio', { name: option });
}

test('prediction by keyboard compares with the attempt', async ({ playground, page }) => {
  await playground.open('preflight-unauthorized', 'broken');
  await expect(page.getByRole('heading', { name: 'Predict first' })).toBeVisible();

  await answer(page, 'Will the browser block it?', 'Yes').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(answer(page, 'At which stage?', stageTexts[stages[0]!])).toBeFocused();
  // In a radio group the arrow keys move to the next option and check it.
  for (let index = 0; index < stages.indexOf('preflight'); index++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(answer(page, 'At which stage?', 'At the preflight')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(answer(page, 'Will the server see the actual request?', 'Yes')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(answer(page, 'Will the server see the actual request?', 'No')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Predict and send' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
  const result = page.getByTestId('prediction-result');
  await expect(result).toHaveAttribute('data-total', '3');
  await expect(result).toHaveAttribute('data-right', '3');
  await expect(result).toContainText('Your prediction: 3 of 3 right.');
  await expect(result.locator('[data-question="stage"]')).toContainText('At the preflight');
  await expect(
    page.getByRole('button', { name: 'Send request' }),
    'focus stays on the page after the form closes',
  ).toBeFocused();
});

test('wrong prediction is marked wrong', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');

  await answer(page, 'Will the browser block it?', 'Yes').check();
  await answer(page, 'At which stage?', 'At the preflight').check();
  await answer(page, 'Will the server see the actual request?', 'No').check();
  await page.getByRole('button', { name: 'Predict and send' }).click();

  const result = page.getByTestId('prediction-result');
  await expect(result).toHaveAttribute('data-right', '1');
  await expect(result.locator('[data-question="stage"]')).toHaveAttribute('data-correct', 'false');
  await expect(result.locator('[data-question="stage"]')).toContainText('At the response');
  await expect(result.locator('[data-question="server-sees-actual"]')).toHaveAttribute('data-correct', 'false');
});

test('stage question only after a predicted block', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');
  await expect(page.getByRole('group', { name: 'At which stage?' })).toHaveCount(0);

  await answer(page, 'Will the browser block it?', 'Yes').check();
  await expect(page.getByRole('group', { name: 'At which stage?' })).toBeVisible();

  await answer(page, 'Will the browser block it?', 'No').check();
  await expect(page.getByRole('group', { name: 'At which stage?' })).toHaveCount(0);
});

test('empty prediction asks for an answer', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');

  await page.getByRole('button', { name: 'Predict and send' }).click();

  await expect(page.getByRole('alert')).toContainText('Answer at least one question, or press Skip');
  await expect(page.getByTestId('attempt')).toHaveCount(0);
});

test('skip sends at once and asks no more', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');

  await page.getByRole('button', { name: 'Skip' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('prediction')).toHaveCount(0);
  await expect(page.getByTestId('prediction-result')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('prediction'), 'a variant asks only before its first send').toHaveCount(0);
});

test('send without answers counts as a skip', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'fixed');

  await playground.send();

  await expect(page.getByTestId('prediction')).toHaveCount(0);
  await expect(page.getByTestId('prediction-result')).toHaveCount(0);
});

test('each variant asks once', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByTestId('attempt')).toHaveAttribute('data-state', 'done');

  await page.getByRole('link', { name: 'Fixed' }).click();

  await expect(page.getByTestId('prediction')).toBeVisible();
});
