// The typed API of full-text search, over the generated SearchService
// bindings. Offsets stay in code points: the reader converts them when it
// opens a document at a hit (ReaderStore.openAt).

import * as Search from './wailsjs/go/app/SearchService';
import { EventsOn } from './wailsjs/runtime/runtime';
import { call } from './wire';
import type { History } from './types';

/** The index: its size, and what a query can filter on. */
export interface SearchInfo {
  documents: number;
  turns: number;
  /** document, speaker, case, excluded, code, coder */
  fields: string[];
  /** case attributes as fields: role, age_group, … */
  attributes: string[];
  /** the coders whose coding a query may look at (only yourself in blind mode) */
  coders: string[];
  blind: boolean;
}

/** One hit; start and end are code points in the document. */
export interface SearchHit {
  document: number;
  name: string;
  turn: number;
  speaker: string;
  case: string;
  /** the speaker is left out of coding: coding every hit skips it */
  excluded: boolean;
  start: number;
  end: number;
  turnStart: number;
  turnEnd: number;
  /** the query only filtered: the hit is the whole turn, shown in `after` */
  whole: boolean;
  before: string;
  match: string;
  after: string;
}

export interface SearchDocument {
  id: number;
  name: string;
  /** matching turns, all of them */
  turns: number;
  /** hits among those shown */
  hits: number;
}

export interface SearchResults {
  /** the query as understood */
  query: string;
  turns: number;
  hits: SearchHit[];
  documents: SearchDocument[];
  /** more turns matched than were asked for */
  truncated: boolean;
}

export interface CodeHitsResult {
  coded: number;
  already: number;
  skipped: number;
  documents: number[];
  done: string;
  history: History;
}

export interface SearchProgress {
  done: number;
  total: number;
}

type Raw<T> = { [K in keyof T]?: T[K] | null };

function list<T>(v: T[] | null | undefined): T[] {
  return v ?? [];
}

export const searchApi = {
  /** Builds or updates the index (progress events follow) and describes it. */
  async prepare(): Promise<SearchInfo> {
    const r = (await call(() => Search.Prepare())) as unknown as Raw<SearchInfo>;
    return {
      documents: r.documents ?? 0,
      turns: r.turns ?? 0,
      fields: list(r.fields),
      attributes: list(r.attributes),
      coders: list(r.coders),
      blind: !!r.blind,
    };
  },

  /** Runs a query; limit is the most turns returned (0: all). */
  async search(query: string, limit: number): Promise<SearchResults> {
    const r = (await call(() => Search.Search(query, limit))) as unknown as Raw<SearchResults>;
    return {
      query: r.query ?? query,
      turns: r.turns ?? 0,
      hits: list(r.hits),
      documents: list(r.documents),
      truncated: !!r.truncated,
    };
  },

  /** Codes every hit (or every hit's whole turn) with a code as the current coder, in one undoable step. */
  async codeHits(query: string, code: number, whole: boolean): Promise<CodeHitsResult> {
    const r = (await call(() => Search.CodeHits(query, code, whole))) as unknown as Raw<CodeHitsResult>;
    return {
      coded: r.coded ?? 0,
      already: r.already ?? 0,
      skipped: r.skipped ?? 0,
      documents: list(r.documents),
      done: r.done ?? '',
      history: r.history ?? { canUndo: false, canRedo: false, undo: '', redo: '' },
    };
  },

  /** Follows the index being built or updated; returns the unsubscribe function. */
  onProgress(cb: (p: SearchProgress) => void): () => void {
    return EventsOn('search:progress', (p: SearchProgress) => cb({ done: p.done, total: p.total }));
  },
};
