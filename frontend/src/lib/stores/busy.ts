import type { ToastStore } from './toasts.svelte';

/**
 * Runs one change with owner.busy set while it lasts (the screens disable
 * their buttons on it), showing a failure as an error toast rather than
 * throwing; true when the change went through.
 */
export async function whileBusy(
  owner: { busy: boolean },
  toasts: Pick<ToastStore, 'error'>,
  change: () => Promise<void>,
): Promise<boolean> {
  owner.busy = true;
  try {
    await change();
    return true;
  } catch (e) {
    toasts.error(e);
    return false;
  } finally {
    owner.busy = false;
  }
}
