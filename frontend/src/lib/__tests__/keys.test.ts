import { describe, expect, it } from 'vitest';
import { historyKey, newCodeKey } from '../keys';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('historyKey', () => {
  it('reads Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y off macOS', () => {
    expect(historyKey(key({ key: 'z', ctrlKey: true }), false)).toBe('undo');
    expect(historyKey(key({ key: 'Z', ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(historyKey(key({ key: 'y', ctrlKey: true }), false)).toBe('redo');
    expect(historyKey(key({ key: 'z' }), false)).toBeNull();
    expect(historyKey(key({ key: 'z', metaKey: true }), false)).toBeNull();
    expect(historyKey(key({ key: 'z', ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(historyKey(key({ key: '1', ctrlKey: true }), false)).toBeNull();
  });

  it('reads Cmd+Z and Cmd+Shift+Z on macOS', () => {
    expect(historyKey(key({ key: 'z', metaKey: true }), true)).toBe('undo');
    expect(historyKey(key({ key: 'z', metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(historyKey(key({ key: 'z', ctrlKey: true }), true)).toBeNull();
    expect(historyKey(key({ key: 'y', metaKey: true }), true)).toBeNull();
  });

  it('falls back to the physical key on a layout without Latin letters', () => {
    expect(historyKey(key({ key: 'я', code: 'KeyZ', ctrlKey: true }), false)).toBe('undo');
    expect(historyKey(key({ key: 'н', code: 'KeyY', ctrlKey: true }), false)).toBe('redo');
  });
});

describe('newCodeKey', () => {
  it('reads Ctrl+Shift+N off macOS and Cmd+Shift+N on it, and nothing a code key could be', () => {
    expect(newCodeKey(key({ key: 'N', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(newCodeKey(key({ key: 'n', ctrlKey: true }), false)).toBe(false);
    expect(newCodeKey(key({ key: 'n' }), false)).toBe(false);
    expect(newCodeKey(key({ key: 'N', shiftKey: true }), false)).toBe(false);
    expect(newCodeKey(key({ key: 'N', ctrlKey: true, shiftKey: true, altKey: true }), false)).toBe(false);
    expect(newCodeKey(key({ key: 'N', metaKey: true, shiftKey: true }), false)).toBe(false);
    expect(newCodeKey(key({ key: 'N', metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(newCodeKey(key({ key: 'N', ctrlKey: true, shiftKey: true }), true)).toBe(false);
  });

  it('falls back to the physical key on a layout without Latin letters', () => {
    expect(newCodeKey(key({ key: 'Т', code: 'KeyN', ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });
});
