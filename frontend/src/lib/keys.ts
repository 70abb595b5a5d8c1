// Keyboard shortcuts for undo and redo and for a new code from the
// selection, the way each platform spells them. Plain letters and digits are
// left to the codes' keys (any of 0-9 and a-z).

/** true on macOS (and iOS), where the command key does what Ctrl does elsewhere */
export const isMac: boolean =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent || '');

/** The shortcuts as the UI shows them in tooltips. */
export const shortcuts = isMac
  ? { undo: '⌘Z', redo: '⇧⌘Z', newCode: '⇧⌘N' }
  : { undo: 'Ctrl+Z', redo: 'Ctrl+Y', newCode: 'Ctrl+Shift+N' };

/** The same in aria-keyshortcuts' spelling. */
export const ariaShortcuts = { newCode: isMac ? 'Meta+Shift+N' : 'Control+Shift+N' };

/** The letter a key event means, falling back to the physical key on layouts without Latin letters. */
function letter(e: KeyboardEvent): string {
  const k = e.key.toLowerCase();
  if (/^[a-z]$/.test(k)) return k;
  return /^Key[A-Z]$/.test(e.code ?? '') ? e.code.slice(3).toLowerCase() : k;
}

/**
 * Whether a key event asks for undo or redo: Ctrl+Z undoes, Ctrl+Shift+Z and
 * Ctrl+Y redo; on macOS Cmd+Z undoes and Cmd+Shift+Z redoes.
 */
export function historyKey(e: KeyboardEvent, mac = isMac): 'undo' | 'redo' | null {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return null;
  const k = letter(e);
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !mac && !e.shiftKey) return 'redo';
  return null;
}

/** Whether a key event asks for a new code from the selection: Ctrl+Shift+N, on macOS Cmd+Shift+N. */
export function newCodeKey(e: KeyboardEvent, mac = isMac): boolean {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  return mod && e.shiftKey && !e.altKey && letter(e) === 'n';
}

/**
 * Whether a key event moves an end of the picked segment, a word at a time:
 * Shift+← starts it a word earlier and Shift+→ ends it a word later (wider);
 * Alt+→ starts it a word later and Alt+← ends it a word earlier (narrower).
 */
export function boundaryKey(e: KeyboardEvent): { edge: 'start' | 'end'; dir: -1 | 1 } | null {
  if (e.ctrlKey || e.metaKey || e.shiftKey === e.altKey) return null;
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return null;
  const left = e.key === 'ArrowLeft';
  if (e.shiftKey) return left ? { edge: 'start', dir: -1 } : { edge: 'end', dir: 1 };
  return left ? { edge: 'end', dir: -1 } : { edge: 'start', dir: 1 };
}
