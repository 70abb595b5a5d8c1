// Shared test data in the UI's shapes (UTF-16 offsets).
import { OffsetIndex } from '../offsets';
import type { Code, DocumentView, Intervals, ProjectInfo } from '../types';

/** A row's intervals when none were asked for. */
export const noCI: Intervals = { kappa: null, scottPi: null, krippendorffAlpha: null, gwetAC1: null, brennanPrediger: null };

export const aisha = { id: 1, name: 'Aisha', consensus: false };
export const ben = { id: 2, name: 'Ben', consensus: false };
/** the consensus layer adjudication made of Aisha's and Ben's coding */
export const consensusLayer = { id: 3, name: 'Consensus', consensus: true };

export function info(over: Partial<ProjectInfo> = {}): ProjectInfo {
  return {
    path: '/projects/Study.themis',
    name: 'Study',
    framework: 'Keyes: flourishing',
    coders: [aisha, ben],
    lead: aisha,
    current: aisha,
    blindMode: false,
    canCompare: true,
    canReview: true,
    documents: 2,
    ...over,
  };
}

/** A code with the codebook fields a test does not care about filled in. */
export function code(c: Pick<Code, 'id' | 'parent' | 'name' | 'definition' | 'color' | 'key' | 'codable'> & Partial<Code>): Code {
  return { framework: 1, ref: '', whenToUse: '', whenNotToUse: '', examples: [], scale: null, counts: [], ...c };
}

export const codes: Code[] = [
  code({ id: 10, parent: 0, name: 'Emotional well-being', definition: 'Feeling good.', color: '#c2410c', key: '', codable: false }),
  code({ id: 11, parent: 10, name: 'Positive affect', definition: 'Cheerful, calm.', color: '#f97316', key: '1', codable: true }),
  code({ id: 12, parent: 10, name: 'Avowed quality of life', definition: 'Life is going well.', color: '#eab308', key: '2', codable: true }),
  code({ id: 20, parent: 0, name: 'Social well-being', definition: 'In society.', color: '#7e22ce', key: '', codable: false }),
  code({ id: 21, parent: 20, name: 'Social integration', definition: 'Belonging.', color: '#9333ea', key: 'e', codable: true }),
];

/** A two-turn transcript with an emoji and a ZWJ sequence in it. */
export function docView(id = 5): DocumentView {
  const text = 'Interviewer: How are you? 😀\n\nP001: Calmer now 👩🏽‍⚕️ — I go to the garden on Tuesdays.';
  const t1 = text.indexOf('P001:');
  return {
    id,
    name: 'patient-001',
    case: 'Patient 001',
    words: 16,
    chars: [...text].length,
    text,
    turns: [
      { speaker: 'Interviewer', timestamp: '', start: 0, contentStart: 13, end: text.indexOf('\n') },
      { speaker: 'P001', timestamp: '00:01:10', start: t1, contentStart: t1 + 6, end: text.length },
    ],
    index: new OffsetIndex(text),
  };
}
