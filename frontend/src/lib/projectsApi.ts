// The typed API of projects over the ProjectService bindings: creating,
// opening and closing a project, who is coding, blind mode.

import * as Projects from './wailsjs/go/app/ProjectService';
import type { app } from './wailsjs/go/models';
import { call, type Wire } from './wire';
import type { Coder, ProjectInfo, RecentProject, StartState } from './types';

export function coder(c: Wire<app.CoderDTO>): Coder {
  return { id: c.id, name: c.name, consensus: !!c.consensus };
}

export function projectInfo(p: Wire<app.ProjectInfo> | null | undefined): ProjectInfo | null {
  if (!p) return null;
  return {
    path: p.path,
    name: p.name,
    framework: p.framework,
    coders: (p.coders ?? []).map(coder),
    lead: coder(p.lead),
    current: p.current ? coder(p.current) : null,
    blindMode: !!p.blindMode,
    canCompare: !!p.canCompare,
    canReview: !!p.canReview,
    adjudicator: p.adjudicator ? coder(p.adjudicator) : undefined,
    documents: p.documents,
  };
}

function projectCall(fn: () => Promise<Wire<app.ProjectInfo> | null | undefined>): Promise<ProjectInfo | null> {
  return call(async () => projectInfo(await fn()));
}

export const projectsApi = {
  async start(): Promise<StartState> {
    return call(async () => {
      const s = await Projects.Start();
      const recent: RecentProject[] = (s.recent ?? []).map((r) => ({
        path: r.path,
        name: r.name,
        openedAt: r.openedAt,
        exists: !!r.exists,
      }));
      return { project: projectInfo(s.project), recent, defaultFolder: s.defaultFolder ?? '', error: s.error ?? '' };
    });
  },
  /** framework: a built-in's id (see builtinFrameworks), "" for an empty codebook */
  create(name: string, folder: string, lead: string, framework: string): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.Create(name, folder, lead, framework));
  },
  chooseFolder(): Promise<string> {
    return call(() => Projects.ChooseFolder());
  },
  open(path: string): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.Open(path));
  },
  /** null when the user cancelled */
  chooseAndOpen(): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.ChooseAndOpen());
  },
  openDemo(): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.OpenDemo());
  },
  close(): Promise<void> {
    return call(() => Projects.Close());
  },
  info(): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.Info());
  },
  selectCoder(id: number): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.SelectCoder(id));
  },
  addCoder(name: string): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.AddCoder(name));
  },
  setBlindMode(on: boolean): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.SetBlindMode(on));
  },
  /** 0 names nobody: only the lead adjudicates (never a pair the lead coded) */
  setAdjudicator(coder: number): Promise<ProjectInfo | null> {
    return projectCall(() => Projects.SetAdjudicator(coder));
  },
};
