import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, stateFile } from '../global-setup';

export interface AppState {
  url: string;
  tmp: string;
  dataDir: string;
  dialogDir: string;
}

export function app(): AppState {
  return JSON.parse(fs.readFileSync(stateFile, 'utf8'));
}

export const shotsDir = path.join(root, 'e2e', 'test-results', 'screens');

/** Saves a screenshot of the whole window for people to look at. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** The next native open dialog will answer with these paths. */
export function answerOpenDialog(paths: string[]) {
  fs.writeFileSync(path.join(app().dialogDir, 'open.txt'), paths.join('\n'));
}

/** Runs the command-line tool (read-only commands work while the app has the project open). */
export function cli(...args: string[]): string {
  const bin = path.join(root, 'build', 'bin', 'themis');
  // themis runs the project commands in themis-project, beside it.
  for (const name of ['themis', 'themis-project']) {
    const file = path.join(root, 'build', 'bin', name);
    if (!fs.existsSync(file)) {
      execFileSync('go', ['build', '-o', file, `./cmd/${name}`], { cwd: root });
    }
  }
  return execFileSync(bin, args, { encoding: 'utf8' });
}

/**
 * Selects the first occurrence of text inside the transcript, as a person
 * dragging the mouse would, and returns the selected string.
 */
export async function selectText(page: Page, text: string): Promise<string> {
  const selected = await page.evaluate((needle) => {
    const reader = document.querySelector('[data-testid="reader"]');
    if (!reader) throw new Error('no reader');
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    const starts: number[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = (n as Text).parentElement;
      if (!el || !el.closest('[data-offset]')) continue;
      starts.push(all.length);
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(needle);
    if (at < 0) throw new Error(`text not found in the reader: ${needle}`);
    const locate = (pos: number, end: boolean): [Text, number] => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        if (starts[i] < pos || (!end && starts[i] === pos)) return [nodes[i], pos - starts[i]];
      }
      return [nodes[0], 0];
    };
    const [sn, so] = locate(at, false);
    const [en, eo] = locate(at + needle.length, true);
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    (reader as HTMLElement).dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return sel.toString();
  }, text);
  await expect(page.getByTestId('selection-info')).toContainText('Selected:');
  return selected;
}
