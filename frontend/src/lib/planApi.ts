// The typed API of the double-coding plan over the PlanService bindings:
// the lead draws the plan (previewed first), every coder sees their
// documents' marks and progress and marks a document done. Go's nil slices
// become [].

import * as Plan from './wailsjs/go/app/PlanService';
import type { app } from './wailsjs/go/models';
import { call, list, type Wire } from './wire';

/** What the lead asks of a plan: share (%) double-coded, stratified by a case attribute ('' none), for coders, with a seed. */
export type PlanInput = Wire<app.PlanInput>;
export type PlanDocument = Wire<app.PlanDocumentDTO>;
export type Stratum = Wire<app.StratumDTO>;
export type PlanView = Wire<app.PlanDTO>;
export type CoderProgress = Wire<app.CoderProgressDTO>;
export type Progress = Wire<app.ProgressDTO>;
/** One planned document for the current coder: in the sample, theirs, done by them, and who codes it (blind coders: nobody named). */
export type DocumentMark = Wire<app.DocumentMarkDTO>;

function planView(p: Wire<app.PlanDTO> | null | undefined): PlanView | null {
  if (!p) return null;
  const docs = (l: PlanDocument[] | null | undefined) => list(l).map((d) => ({ ...d, coders: list(d.coders) }));
  return {
    ...p,
    coders: list(p.coders),
    strata: list(p.strata),
    sample: docs(p.sample),
    rest: docs(p.rest),
    words: p.words ?? {},
  };
}

export const planApi = {
  /** The stored plan; null when none has been drawn. */
  async plan(): Promise<PlanView | null> {
    return call(async () => planView(await Plan.Get()));
  },
  async preview(input: PlanInput): Promise<PlanView> {
    return call(async () => planView(await Plan.Preview(input as app.PlanInput))!);
  },
  async draw(input: PlanInput): Promise<PlanView> {
    return call(async () => planView(await Plan.Draw(input as app.PlanInput))!);
  },
  /** Progress through the plan (the lead: every coder's); null when none has been drawn. */
  async progress(): Promise<Progress | null> {
    return call(async () => {
      const p = await Plan.Progress();
      return p ? { ...p, coders: list(p.coders) } : null;
    });
  },
  async marks(): Promise<DocumentMark[]> {
    return call(async () => list(await Plan.Marks()).map((m) => ({ ...m, coders: list(m.coders) })));
  },
  async setDone(document: number, done: boolean): Promise<void> {
    return call(() => Plan.SetDone(document, done));
  },
};
