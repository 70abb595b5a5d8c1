// The Themes tab's repaint (issue 10: "the Themes tab interactive (a filter
// change repaints) < 200 ms"), measured in jsdom on data the size of the
// budget corpus: the Keyes framework (3 factors, 13 codes), 200 cases, a
// role attribute with 4 values. Each bench is one filter change — role =
// patient toggled on or off through the store — from the setter until the
// DOM (tables and Observable Plot charts) shows the new figures. The API
// mock answers at once, so this is the frontend's part only; the backend's
// is BenchmarkThemes in project/. Run by `npm run bench` and scripts/bench.sh
// (block themes-ui); `vitest run` does not pick it up (*.bench.ts). A bench
// whose checks throw gets no figures in vitest's report, which bench.sh
// reports as a failure.
import { bench, describe, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';

vi.mock('../wailsjs/go/app/ThemesService', () => ({
  Layers: vi.fn(), Options: vi.fn(), Summary: vi.fn(), ByAttribute: vi.fn(), Cases: vi.fn(), Cooccurrence: vi.fn(),
  Passages: vi.fn(), ExportTable: vi.fn(), SaveChart: vi.fn(),
}));

import {
  themesApi,
  type AttributeMatrix,
  type CaseMatrix,
  type CoMatrix,
  type ThemeFilter,
  type ThemeScope,
  type ThemeSummary,
  type ThemeView,
  type ThemesApi,
  type ThemesOptions,
  type ViewInput,
} from '../themesApi';
import { ThemesStore } from '../stores/themes.svelte';
import { ToastStore } from '../stores/toasts.svelte';
import ThemesScreen from '../screens/ThemesScreen.svelte';

const KEYES: [string, string[]][] = [
  ['Emotional well-being', ['Positive affect', 'Avowed quality of life']],
  [
    'Psychological well-being',
    ['Self-acceptance', 'Personal growth', 'Purpose in life', 'Environmental mastery', 'Autonomy', 'Positive relations with others'],
  ],
  ['Social well-being', ['Social acceptance', 'Social actualisation', 'Social contribution', 'Social coherence', 'Social integration']],
];
const ROLES = ['patient', 'link worker', 'carer', 'commissioner'];
const CASES = Array.from({ length: 200 }, (_, i) => ({ name: `Case ${String(i + 1).padStart(3, '0')}`, role: ROLES[i % ROLES.length] }));

interface Code {
  id: number;
  parent: number;
  name: string;
  factor: string;
  depth: number;
}
const codes: Code[] = [];
KEYES.forEach(([factor, names], f) => {
  const fid = 100 * (f + 1);
  codes.push({ id: fid, parent: 0, name: factor, factor: '', depth: 0 });
  names.forEach((n, i) => codes.push({ id: fid + i + 1, parent: fid, name: n, factor, depth: 1 }));
});

const layer = { coder: 0, name: 'All coders', kind: 'all', coders: ['Aisha', 'Ben'], default: true };
const framework = { id: 5, name: 'Keyes', active: true };
const options: ThemesOptions = {
  layers: [layer],
  frameworks: [framework],
  documents: CASES.map((c, i) => ({ id: i + 1, name: c.name.toLowerCase().replace(' ', '-'), case: c.name })),
  cases: CASES.map((c) => c.name),
  attributes: [{ name: 'role', type: 'category', values: ROLES }],
};

/** Segments of a code in a case: a fixed pattern, about 40,000 over the corpus like the budget's. */
function segs(code: Code, caseIndex: number): number {
  if (code.depth === 0) return codes.filter((c) => c.parent === code.id).reduce((n, c) => n + segs(c, caseIndex), 0);
  return (code.id * 7 + caseIndex * 13) % 31;
}

/** The cases a filter keeps, with their index in CASES. */
function inScope(f: ThemeFilter): { name: string; role: string; index: number }[] {
  const roles = f.attributes.role ?? [];
  return CASES.map((c, index) => ({ ...c, index })).filter((c) => roles.length === 0 || roles.includes(c.role));
}

function scopeOf(f: ThemeFilter): ThemeScope {
  const n = inScope(f).length;
  return { layer, framework, documents: n, cases: n, caseNames: [] };
}

function totals(code: Code, cs: { index: number }[]) {
  const per = cs.map((c) => segs(code, c.index));
  const segments = per.reduce((a, b) => a + b, 0);
  const cases = per.filter((n) => n > 0).length;
  return {
    code: code.id, ref: '', name: code.name, factor: code.factor, isFactor: code.depth === 0, depth: code.depth, color: '#c2410c',
    segments, words: segments * 42, documents: cases, cases, caseShare: cs.length ? cases / cs.length : 0,
  };
}

// The API as the store sees it, answering at once with the figures of the
// filter asked for (fresh objects each time, as the wire's JSON would be).
const api: ThemesApi = {
  ...themesApi,
  themeOptions: async () => options,
  summary: async (input: ViewInput): Promise<ThemeSummary> => {
    const cs = inScope(input.filter);
    return { scope: scopeOf(input.filter), rows: codes.map((c) => totals(c, cs)) };
  },
  byAttribute: async (input: ViewInput, attribute: string): Promise<AttributeMatrix> => {
    const cs = inScope(input.filter);
    const values = ROLES.filter((r) => cs.some((c) => c.role === r));
    return {
      scope: scopeOf(input.filter),
      attribute,
      columns: values.map((v) => ({ value: v, cases: cs.filter((c) => c.role === v).length })),
      rows: codes.map((code) => ({
        ...totals(code, cs),
        cells: values.map((v) => {
          const t = totals(code, cs.filter((c) => c.role === v));
          return { segments: t.segments, cases: t.cases, share: t.caseShare };
        }),
      })),
    };
  },
  caseMatrix: async (input: ViewInput): Promise<CaseMatrix> => {
    const cs = inScope(input.filter);
    return {
      scope: scopeOf(input.filter),
      cases: cs.map((c) => ({ name: c.name, attributes: { role: c.role } })),
      rows: codes.map((code) => ({ ...totals(code, cs), cells: cs.map((c) => segs(code, c.index)) })),
    };
  },
  cooccurrence: async (input: ViewInput): Promise<CoMatrix> => {
    const n = inScope(input.filter).length;
    const tc = codes.map((c) => ({ id: c.id, parent: c.parent, framework: 5, ref: '', name: c.name, color: '#7e22ce', depth: c.depth }));
    return {
      scope: scopeOf(input.filter),
      rows: tc,
      columns: tc,
      cells: tc.map((a) => tc.map((b) => ({ count: ((a.id + b.id) * n) % 97, jaccard: (((a.id + b.id) * n) % 97) / 500 }))),
    };
  },
};

/** The text the scope line shows for a case count, which every view prints. */
const scopeText = (cases: number) => `${cases} documents · ${cases} cases`;

type Scope = ReturnType<typeof inScope>;
const text = (root: HTMLElement, sel: string) => root.querySelector(sel)?.textContent?.trim() ?? '';

/**
 * Per view: what it draws (the chart, or the table), and one figure of its
 * table that differs between the two filters, "" when the screen shows the
 * figures of the cases in scope.
 */
const VIEWS: { view: ThemeView; label: string; shown: string; figure: (root: HTMLElement, cs: Scope) => string }[] = [
  {
    view: 'prevalence',
    label: 'prevalence (table + bar chart)',
    shown: '[data-testid="prevalence-chart"] svg',
    figure: (root, cs) => {
      const want = `${totals(codes[codes.length - 1], cs).cases} of ${cs.length}`;
      const got = text(root, '[data-testid="prevalence-row-Social integration"] [data-testid="cell-cases"]');
      return got === want ? '' : `Social integration's cases read "${got}", not "${want}"`;
    },
  },
  {
    view: 'attribute',
    label: 'by attribute (code x role table)',
    shown: '[data-testid="attribute-table"]',
    figure: (root, cs) => {
      const want = new Set(cs.map((c) => c.role)).size;
      const got = root.querySelectorAll('[data-testid^="attribute-col-"]').length;
      return got === want ? '' : `${got} role columns, not ${want}`;
    },
  },
  {
    view: 'cases',
    label: 'cases x codes (heat map + table, 60 of 200 columns)',
    shown: '[data-testid="cases-chart"] svg',
    figure: (root, cs) => {
      const got = text(root, '[data-testid="cases-table"] thead th:nth-child(3)');
      return got === cs[1].name ? '' : `the second case column is "${got}", not "${cs[1].name}"`;
    },
  },
  {
    view: 'cooccurrence',
    label: 'co-occurrence (heat map + table, 16 x 16)',
    shown: '[data-testid="co-chart"] svg',
    figure: (root, cs) => {
      const want = String((2 * codes[0].id * cs.length) % 97);
      const got = text(root, '[data-testid="co-cell"]');
      return got === want ? '' : `the first co-occurrence cell reads "${got}", not "${want}"`;
    },
  },
];

for (const v of VIEWS) {
  describe(`ThemesScreen, filter change repaints: ${v.view}`, () => {
    let target: HTMLElement;
    let screen: ReturnType<typeof mount>;
    let store: ThemesStore;

    // Mounted in tinybench's setup: vitest runs no beforeAll hooks for
    // benches. Setup and teardown run around the warm-up and the timed run.
    async function setup() {
      target = document.body.appendChild(document.createElement('div'));
      store = new ThemesStore(new ToastStore(), api);
      screen = mount(ThemesScreen, { target, props: { store, onOpen: () => {} } });
      await store.show();
      await store.setView(v.view);
      flushSync();
      if (!target.querySelector(v.shown)) throw new Error(`${v.view}: the view did not draw (${v.shown})`);
    }

    async function teardown() {
      await unmount(screen);
      target.remove();
    }

    bench(
      v.label,
      async () => {
        // Toggles role = patient: 200 cases in scope, then 50, then 200 …
        const before = target.querySelector(v.shown);
        await store.toggleValue('role', 'patient');
        flushSync();
        // The new figures must be on screen, or the time measures nothing:
        // the scope line, one figure of the table, and a chart drawn anew.
        const cs = inScope(store.filter);
        const want = scopeText(cs.length);
        const line = text(target, '[data-testid="themes-scope"]');
        if (!line.includes(want) || line.includes('updating')) throw new Error(`${v.view}: the scope reads "${line}", not "${want}"`);
        const wrong = v.figure(target, cs);
        if (wrong) throw new Error(`${v.view}: ${wrong}`);
        const after = target.querySelector(v.shown);
        if (!after || (after.tagName === 'svg' && after === before)) throw new Error(`${v.view}: the chart was not drawn anew`);
      },
      { time: 3000, warmupIterations: 3, setup, teardown },
    );
  });
}
