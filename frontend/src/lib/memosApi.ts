// The typed API of memos over the MemosService bindings: list, write, edit,
// delete, take back an edit or deletion, and preview Markdown.

import * as MemosSvc from './wailsjs/go/app/MemosService';
import { call, list } from './wire';
import type { Memo, MemoKind } from './types';
import type { app } from './wailsjs/go/models';

function memo(m: app.MemoDTO): Memo {
  return { ...m, kind: m.kind as MemoKind };
}

/** An edit or deletion, and the change that undoes it. */
export interface MemoChange {
  change: number;
  memo: Memo;
}

export const memosApi = {
  /** Every memo the current coder may see (blind mode hides others' memos on segments), oldest first. */
  async memos(): Promise<Memo[]> {
    return call(async () => list(await MemosSvc.List()).map(memo));
  },
  /** target 0 for the project */
  async addMemo(kind: MemoKind, target: number, text: string): Promise<Memo> {
    return call(async () => memo(await MemosSvc.Add(kind, target, text)));
  },
  async editMemo(id: number, text: string): Promise<MemoChange> {
    return call(async () => {
      const c = await MemosSvc.Edit(id, text);
      return { change: c.change, memo: memo(c.memo) };
    });
  },
  async deleteMemo(id: number): Promise<MemoChange> {
    return call(async () => {
      const c = await MemosSvc.Delete(id);
      return { change: c.change, memo: memo(c.memo) };
    });
  },
  /** Takes an edit or deletion back: the earlier text, or the memo under its own id. */
  async revertMemo(change: number): Promise<Memo> {
    return call(async () => memo(await MemosSvc.Revert(change)));
  },
  previewMemo(text: string): Promise<string> {
    return call(() => MemosSvc.Preview(text));
  },
};
