import { type Browser, type BrowserContext, type Page, expect, test as base } from '@playwright/test';

/**
 * Every spec imports `test` from here: it fails a test whose pages report a Content-Security-
 * Policy violation, in the test's own page and in every context it opens for a second person.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page, browser }, use) => {
      const violations: string[] = [];
      const watch = (watched: Page): void => {
        watched.on('console', (message) => {
          if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
            violations.push(`${watched.url()}: ${message.text()}`);
        });
      };
      const watchContext = (context: BrowserContext): void => {
        context.on('page', watch);
        for (const open of context.pages()) watch(open);
      };
      watch(page);
      const newContext = browser.newContext.bind(browser);
      (browser as Browser & { newContext: Browser['newContext'] }).newContext = async (...args) => {
        const context = await newContext(...args);
        watchContext(context);
        return context;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
