// Vitest reads this file instead of vite.config.ts, so unit tests run without the client's Vite setup.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{scenarios,server,client,scripts,cli}/**/*.test.ts'],
    // e2e/ contains Playwright specs, which `npm run test:e2e` runs in a real browser.
    exclude: [...configDefaults.exclude, 'e2e/**'],
    // A client test that needs a DOM opts in with a `// @vitest-environment` comment at its top.
    environment: 'node',
  },
});
