import { describe, expect, it, vi } from 'vitest';
import { whileBusy } from '../stores/busy';

describe('whileBusy', () => {
  it('is busy while the change runs and true when it went through', async () => {
    const owner = { busy: false };
    const toasts = { error: vi.fn() };
    let during = false;
    const ok = await whileBusy(owner, toasts, async () => {
      during = owner.busy;
    });
    expect([ok, during, owner.busy]).toEqual([true, true, false]);
    expect(toasts.error).not.toHaveBeenCalled();
  });

  it('shows a failure as a toast, is false and no longer busy', async () => {
    const owner = { busy: false };
    const toasts = { error: vi.fn() };
    const ok = await whileBusy(owner, toasts, () => Promise.reject('{"code":"error","message":"gone"}'));
    expect([ok, owner.busy]).toEqual([false, false]);
    expect(toasts.error).toHaveBeenCalledWith('{"code":"error","message":"gone"}');
  });
});
