// The typed API of the codebook editor over the CodebookService bindings:
// frameworks, codes and their history. Nothing here carries text offsets
// into the reader (code segments' offsets are only shown).

import * as Codebook from './wailsjs/go/app/CodebookService';
import type { app } from './wailsjs/go/models';
import { call, type Wire } from './wire';
import type {
  BuiltinFramework,
  Code,
  CodebookFormat,
  CodebookHistory,
  CodeInput,
  CodeSegment,
  DeleteImpact,
  Framework,
} from './types';

export function toCode(c: Wire<app.CodeDTO>): Code {
  return {
    id: c.id,
    parent: c.parent,
    framework: c.framework ?? 0,
    ref: c.ref ?? '',
    name: c.name,
    definition: c.definition ?? '',
    whenToUse: c.whenToUse ?? '',
    whenNotToUse: c.whenNotToUse ?? '',
    examples: [...(c.examples ?? [])],
    color: c.color || '#64748b',
    key: c.key ?? '',
    codable: !!c.codable,
    scale: typeof c.scale === 'number' ? c.scale : null,
    counts: (c.counts ?? []).map((n) => ({ coder: n.coder, name: n.name, count: n.count })),
  };
}

function framework(f: Wire<app.FrameworkDTO>): Framework {
  return {
    id: f.id,
    name: f.name,
    description: f.description ?? '',
    active: !!f.active,
    codes: f.codes ?? 0,
    revision: f.revision ?? 0,
    version: f.version ?? '',
    tag: f.tag ?? '',
  };
}

function codeInput(i: CodeInput): Wire<app.CodeInput> {
  return {
    parent: i.parent,
    name: i.name,
    definition: i.definition,
    whenToUse: i.whenToUse,
    whenNotToUse: i.whenNotToUse,
    examples: i.examples.map((e) => e.trim()).filter((e) => e !== ''),
    color: i.color,
    key: i.key,
    codable: i.codable,
    // Go reads an absent scale as "none"
    scale: i.scale ?? undefined,
  };
}

function codebookHistory(h: Wire<app.CodebookHistoryDTO>): CodebookHistory {
  return {
    framework: h.framework,
    revision: h.revision ?? 0,
    version: h.version ?? '',
    changes: (h.changes ?? []).map((c) => ({
      revision: c.revision,
      at: c.at,
      who: c.who ?? '',
      action: c.action,
      summary: c.summary,
      undone: !!c.undone,
      tags: [...(c.tags ?? [])],
    })),
    tags: (h.tags ?? []).map((t) => ({ name: t.name, note: t.note ?? '', revision: t.revision, at: t.at, who: t.who ?? '' })),
    canUndo: !!h.canUndo,
    undo: h.undo ?? '',
    canRedo: !!h.canRedo,
    redo: h.redo ?? '',
  };
}

export const codebookApi = {
  /** The frameworks shipped with Themis; needs no project. */
  async builtinFrameworks(): Promise<BuiltinFramework[]> {
    return call(async () =>
      ((await Codebook.Builtins()) ?? []).map((b) => ({ id: b.id, name: b.name, description: b.description ?? '', codes: b.codes ?? 0 })),
    );
  },
  async frameworks(): Promise<Framework[]> {
    return call(async () => ((await Codebook.Frameworks()) ?? []).map(framework));
  },
  setActiveFramework(id: number): Promise<void> {
    return call(() => Codebook.SetActive(id));
  },
  /** builtin: a built-in's id, or "" for an empty codebook; name overrides the built-in's name when not "". The new one becomes active. */
  async createFramework(builtin: string, name: string): Promise<Framework> {
    return call(async () => framework(await Codebook.CreateFramework(builtin, name)));
  },
  renameFramework(id: number, name: string, description: string): Promise<void> {
    return call(() => Codebook.RenameFramework(id, name, description));
  },
  /** A framework's codes in tree order, with counts; framework 0 = the active one. */
  async frameworkCodes(frameworkId: number): Promise<Code[]> {
    return call(async () => ((await Codebook.Codes(frameworkId)) ?? []).map(toCode));
  },
  async addCode(frameworkId: number, input: CodeInput): Promise<Code> {
    return call(async () => toCode(await Codebook.AddCode(frameworkId, codeInput(input))));
  },
  /** Changes everything but the parent (use moveCode for that). */
  async updateCode(id: number, input: CodeInput): Promise<Code> {
    return call(async () => toCode(await Codebook.UpdateCode(id, codeInput(input))));
  },
  /** Puts a code under parent (0: top level) at index among its new siblings. */
  moveCode(id: number, parent: number, index: number): Promise<void> {
    return call(() => Codebook.MoveCode(id, parent, index));
  },
  /** Recodes from's segments as into, moves its children, deletes it; returns a sentence saying what happened. */
  mergeCodes(from: number, into: number): Promise<string> {
    return call(() => Codebook.MergeCodes(from, into));
  },
  /** Creates a new code from input and moves the listed segments of id to it. */
  async splitCode(id: number, input: CodeInput, segments: number[]): Promise<Code> {
    return call(async () => toCode(await Codebook.SplitCode(id, codeInput(input), [...segments])));
  },
  async codeSegments(id: number): Promise<CodeSegment[]> {
    return call(async () =>
      ((await Codebook.CodeSegments(id)) ?? []).map((s) => ({
        id: s.id,
        document: s.document,
        documentName: s.documentName,
        coder: s.coder,
        coderName: s.coderName,
        start: s.start,
        end: s.end,
        text: s.text,
      })),
    );
  },
  async deleteImpact(id: number): Promise<DeleteImpact> {
    return call(async () => {
      const d = await Codebook.DeleteImpact(id);
      return {
        codes: [...(d.codes ?? [])],
        segments: d.segments,
        byCoder: (d.byCoder ?? []).map((n) => ({ coder: n.coder, name: n.name, count: n.count })),
        message: d.message,
      };
    });
  },
  /** Deletes a code, its descendants and their segments; undoable. Returns what was done. */
  deleteCode(id: number): Promise<string> {
    return call(() => Codebook.DeleteCode(id));
  },
  async codebookHistory(frameworkId: number): Promise<CodebookHistory> {
    return call(async () => codebookHistory(await Codebook.History(frameworkId)));
  },
  /** Reverses the framework's latest change; returns what was undone. */
  undoCodebook(frameworkId: number): Promise<string> {
    return call(() => Codebook.Undo(frameworkId));
  },
  redoCodebook(frameworkId: number): Promise<string> {
    return call(() => Codebook.Redo(frameworkId));
  },
  tagCodebook(frameworkId: number, name: string, note: string): Promise<void> {
    return call(() => Codebook.Tag(frameworkId, name, note));
  },
  /** Asks for a .yaml/.yml/.json/.qdc file and adds it as a new, active framework; null when cancelled. */
  async importCodebook(): Promise<Framework | null> {
    return call(async () => {
      const f = await Codebook.Import();
      return f ? framework(f) : null;
    });
  },
  /** Asks where to save and writes the framework; returns the path, "" when cancelled. */
  exportCodebook(frameworkId: number, format: CodebookFormat): Promise<string> {
    return call(() => Codebook.Export(frameworkId, format));
  },
};
