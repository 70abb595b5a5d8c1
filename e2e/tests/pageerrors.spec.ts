import type { Page } from '@playwright/test';
import { expect, isWailsDevOverlayError, openApp, takeErrors, test, tolerated } from './fixtures';

// The check every spec runs under (fixtures.ts): an error in the page fails
// the test. Only the start screen is opened; the app is left as it was.
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await openApp(browser);
});

test.afterAll(async () => {
  await page.close();
});

test('the start screen loads with no error of ours', async () => {
  await expect(page.getByTestId('open-project')).toBeVisible();
  // When this fails, Wails no longer throws from its dev script: delete
  // isWailsDevOverlayError and its use in fixtures.ts.
  await expect.poll(() => tolerated.length).toBeGreaterThan(0);
});

// The fixture fails a test whenever takeErrors has something left after it;
// these take the errors themselves, to show what would be left.
test('an exception thrown in the page is an error of the test', async () => {
  await Promise.all([
    page.waitForEvent('pageerror'),
    page.evaluate(() => setTimeout(() => { throw new Error('thrown by the page on purpose'); })),
  ]);
  const errors = takeErrors();
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^page error: Error: thrown by the page on purpose\n\s+at /);
});

test('an error logged to the console is an error of the test', async () => {
  await Promise.all([
    page.waitForEvent('console', (m) => m.type() === 'error'),
    page.evaluate(() => console.error('logged by the page on purpose')),
  ]);
  expect(takeErrors()).toEqual(['console error: logged by the page on purpose']);
});

test("Wails' overlay error is let through only when all of its stack is Wails' script", () => {
  const at = (url: string) => `    at Ce (${url}:1:2345)`;
  const error = (stack: string[]) => {
    const e = new Error("Cannot read properties of null (reading 'nodes')");
    e.stack = [`TypeError: ${e.message}`, ...stack].join('\n');
    return e;
  };
  const wails = 'http://127.0.0.1:40000/wails/ipc.js';
  const ours = 'http://127.0.0.1:40000/assets/index-abc123.js';
  expect(isWailsDevOverlayError(error([at(wails), `    at HTMLDocument.<anonymous> (${wails}:1:99)`]))).toBe(true);
  expect(isWailsDevOverlayError(error([at(ours)]))).toBe(false);
  expect(isWailsDevOverlayError(error([at(wails), at(ours)]))).toBe(false);
  expect(isWailsDevOverlayError(error([]))).toBe(false);
  const other = new Error('something else');
  other.stack = `Error: something else\n${at(wails)}`;
  expect(isWailsDevOverlayError(other)).toBe(false);
});
