// The typed API of full-text search, over the generated SearchService
// bindings. Offsets stay in code points: the reader converts them when it
// opens a document at a hit (ReaderStore.openAt).

import * as Search from './wailsjs/go/app/SearchService';
import { EventsOn } from './wailsjs/runtime/runtime';
import type { app } from './wailsjs/go/models';
import { call, list, type Wire } from './wire';

/**
 * The index: its size, and what a query can filter on — fields (document,
 * speaker, case, excluded, code, coder), case attributes as fields (role,
 * age_group, …), and the coders whose coding a query may look at (only
 * yourself in blind mode).
 */
export type SearchInfo = Wire<app.SearchInfoDTO>;

/**
 * One hit; start and end are code points in the document. excluded: the
 * speaker is left out of coding, so coding every hit skips it; whole: the
 * query only filtered, and the hit is the whole turn, shown in `after`.
 */
export type SearchHit = Wire<app.SearchHitDTO>;

/** A document with matching turns (all of them) and hits (among those shown). */
export type SearchDocument = Wire<app.SearchDocumentDTO>;

/** query: the query as understood; truncated: more turns matched than were asked for. */
export type SearchResults = Wire<app.SearchResultsDTO>;

export type CodeHitsResult = Wire<app.CodeHitsDTO>;

export interface SearchProgress {
  done: number;
  total: number;
}

export const searchApi = {
  /** Builds or updates the index (progress events follow) and describes it. */
  async prepare(): Promise<SearchInfo> {
    const r = await call(() => Search.Prepare());
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
    const r = await call(() => Search.Search(query, limit));
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
    const r = await call(() => Search.CodeHits(query, code, whole));
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
