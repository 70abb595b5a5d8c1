// Keyboard behaviour shared by the app's drop-down menus (role="menu" with
// role="menuitem" children): the first item takes focus on opening, arrows
// move round the items, Escape closes and returns focus to the button, Tab
// closes and lets focus move on.

function items(menu: HTMLElement | undefined): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
}

/** Focuses the menu's first item (call once the menu is rendered). */
export function focusFirstItem(menu: HTMLElement | undefined): void {
  items(menu)[0]?.focus();
}

/** Handles a key pressed in an open menu; close(refocus) closes it. */
export function onMenuKey(e: KeyboardEvent, menu: HTMLElement | undefined, close: (refocus?: boolean) => void): void {
  const all = items(menu);
  const i = all.indexOf(document.activeElement as HTMLElement);
  if (e.key === 'Escape') {
    e.preventDefault();
    close();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    all[(i + step + all.length) % all.length]?.focus();
  } else if (e.key === 'Tab') {
    close(false);
  }
}
