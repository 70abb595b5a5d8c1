import { test as base, expect, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from '@playwright/test';
import { app } from './app';

export { expect };

// Every spec imports test from here, not from @playwright/test, and opens the
// app with openApp: then an uncaught exception or a console error in the page
// fails the test it happened in (or the spec, when it happens after the last
// test). Specs share one page across their tests, opened in beforeAll, so the
// errors are collected per page and charged to whichever test is running or
// comes next; global-setup.ts refuses a spec that bypasses this.

/** Errors seen in a watched page and not yet charged to a test. */
const unseen: string[] = [];
/** Wails' own error, each time it was let through (see pageerrors.spec.ts). */
export const tolerated: string[] = [];

/**
 * Wails v2.13.0–v2.15.0 throw this from their dev-mode script (/wails/ipc.js,
 * served only to a browser, never to the app's own window) on every page load:
 * its reconnect overlay is compiled with Svelte 5 but still created with
 * Svelte 3's `new Overlay({target})`, so it has no parent effect
 * (wailsapp/wails 9e2846b, v2/internal/frontend/runtime/dev/main.js). No Wails
 * option leaves that script out; v2.12.0 and older, built with Svelte 3, do
 * not throw. The only loss is the grey overlay shown while the browser
 * reconnects to a restarted app. Only this message, with every frame of its
 * stack in /wails/ipc.js, is let through: nothing thrown from our code is.
 */
export function isWailsDevOverlayError(e: Error): boolean {
  if (e.message !== "Cannot read properties of null (reading 'nodes')") return false;
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return frames.length > 0 && frames.every((l) => /\/wails\/ipc\.js:\d+:\d+\)?$/.test(l));
}

function where(m: ConsoleMessage): string {
  const { url, lineNumber, columnNumber } = m.location();
  return url ? ` (${url}:${lineNumber + 1}:${columnNumber + 1})` : '';
}

/** Collects the page's uncaught exceptions and console errors. */
export function watch(page: Page) {
  page.on('pageerror', (e) => {
    if (isWailsDevOverlayError(e)) tolerated.push(e.message);
    else unseen.push(`page error: ${e.stack || e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') unseen.push(`console error: ${m.text()}${where(m)}`);
  });
}

/** A new page on the app under test, watched for errors. */
export async function openApp(browser: Browser, options?: BrowserContextOptions): Promise<Page> {
  const page = await browser.newPage(options);
  watch(page);
  await page.goto(app().url);
  return page;
}

/** Takes the errors collected so far. */
export function takeErrors(): string[] {
  return unseen.splice(0);
}

export const test = base.extend<{ pageErrors: void }, { leftoverPageErrors: void }>({
  pageErrors: [
    async ({}, use) => {
      await use();
      expect(takeErrors(), 'errors in the page (see fixtures.ts)').toEqual([]);
    },
    { auto: true },
  ],
  // Errors after a spec's last test (in afterAll) fail the run when the worker ends.
  leftoverPageErrors: [
    async ({}, use) => {
      await use();
      expect(takeErrors(), 'errors in the page after the last test (see fixtures.ts)').toEqual([]);
    },
    { auto: true, scope: 'worker' },
  ],
});
