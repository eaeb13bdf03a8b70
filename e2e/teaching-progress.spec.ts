import { categories } from '../scenarios/index.ts';
import { courseChapters } from '../client/curriculum.ts';
import { expect, test } from './fixtures.ts';

test('course page lists chapters in order', async ({ page }) => {
  await page.goto('/#/progress');

  const chapters = courseChapters();
  await expect(page.getByTestId('chapter')).toHaveCount(chapters.length);
  for (const [index, chapter] of chapters.entries()) {
    const section = page.getByTestId('chapter').nth(index);
    await expect(section).toHaveAttribute('data-category', chapter.category);
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(
      `${index + 1}. ${categories[chapter.category].title}`,
    );
    await expect(section).toContainText(categories[chapter.category].intro);
    await expect(section.getByRole('listitem').filter({ has: page.getByRole('link') })).toHaveCount(
      chapter.scenarios.length,
    );
  }
});

test('progress marks seen, predicted and fixed', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');
  await page.getByRole('group', { name: 'Will the browser block it?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Predict and send' }).click();
  await expect(page.getByTestId('prediction-result')).toBeVisible();
  await page.getByRole('link', { name: 'Fixed' }).click();
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByTestId('attempt')).toHaveAttribute('data-js', 'allowed');

  await page.getByRole('link', { name: 'Your progress' }).click();

  const row = page.locator('[data-scenario="missing-allow-origin"]');
  await expect(row.locator('[data-step="seen"]')).toHaveAttribute('data-done', 'true');
  await expect(row.locator('[data-step="predicted"]')).toHaveAttribute('data-done', 'true');
  await expect(row.locator('[data-step="fixed"]')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('progress-summary')).toContainText('Seen 1 of');
  await expect(page.getByTestId('progress-summary')).toContainText('fixed 1.');

  await test.step('the marks survive a reload', async () => {
    // A new document, not a hash change: only what the browser stored remains.
    await page.reload();
    await expect(row.locator('[data-step="seen"]')).toHaveAttribute('data-done', 'true');
    await expect(row.locator('[data-step="predicted"]')).toHaveAttribute('data-done', 'true');
    await expect(row.locator('[data-step="fixed"]')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('progress-summary')).toContainText('fixed 1.');
  });
});

test('blocked fixed variant is not fixed', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'broken');
  await playground.send();

  await page.goto('/#/progress');

  const row = page.locator('[data-scenario="missing-allow-origin"]');
  await expect(row.locator('[data-step="seen"]')).toHaveAttribute('data-done', 'true');
  await expect(row.locator('[data-step="predicted"]')).toHaveAttribute('data-done', 'false');
  await expect(row.locator('[data-step="fixed"]')).toHaveAttribute('data-done', 'false');
});

test('reset by keyboard clears progress', async ({ playground, page }) => {
  await playground.open('missing-allow-origin', 'fixed');
  await playground.send();
  await page.goto('/#/progress');
  await expect(page.getByTestId('progress-summary')).toContainText('fixed 1.');

  await page.getByRole('button', { name: 'Reset progress' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Yes, reset' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('progress-summary')).toContainText('Seen 0 of');
  await expect(page.getByRole('button', { name: 'Reset progress' })).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('progress-summary')).toContainText('Seen 0 of');
});

test('course nav leads to the next scenario', async ({ playground, page }) => {
  const [first, second] = courseChapters().flatMap((chapter) => chapter.scenarios);
  await playground.open(first!.id, 'broken');

  await page.getByRole('link', { name: `Next: ${second!.title}` }).click();

  await expect(page).toHaveURL(new RegExp(`#/scenarios/${second!.id}/broken$`));
  await expect(page.getByTestId('course-nav')).toContainText('Scenario 2 of');
});

test('throwing localStorage breaks nothing', async ({ playground, page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Site data blocked: reading window.localStorage itself throws, as Chromium does then.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window'.", 'SecurityError');
      },
    });
  });

  await playground.open('missing-allow-origin', 'broken');
  await page.getByRole('group', { name: 'Will the browser block it?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Predict and send' }).click();
  await expect(page.getByTestId('prediction-result')).toHaveAttribute('data-right', '1');
  await page.getByRole('link', { name: 'Your progress' }).click();

  await expect(page.getByTestId('progress-not-saved')).toBeVisible();
  await expect(page.locator('[data-scenario="missing-allow-origin"] [data-step="predicted"]')).toHaveAttribute(
    'data-done',
    'true',
  );
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByTestId('progress-summary')).toContainText('Seen 0 of');
  expect(pageErrors).toEqual([]);
});

test('storage whose calls throw breaks nothing', async ({ playground, page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // A full quota: the object exists, but every call throws.
  await page.addInitScript(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      value: { getItem: fail, setItem: fail, removeItem: fail, clear: fail, key: fail, length: 0 },
    });
  });

  await playground.open('missing-allow-origin', 'fixed');
  await playground.send();
  await page.goto('/#/progress');

  await expect(page.getByTestId('progress-not-saved')).toBeVisible();
  await expect(page.locator('[data-scenario="missing-allow-origin"] [data-step="fixed"]')).toHaveAttribute(
    'data-done',
    'true',
  );
  expect(pageErrors).toEqual([]);
});
