import { describe, expect, it } from 'vitest';
import { buildTree, codeGroups, filterTree, flatten, inVivoName, IN_VIVO_MAX, type CodeNode } from '../codetree';
import { code, codes, docView } from './fixtures';
import type { Code } from '../types';

const c = (id: number, parent: number, name: string, definition = '', codable = true): Code =>
  code({ id, parent, name, definition, color: '#888888', key: '', codable });

// A theme with a sub-theme with codes, three levels deep, and a second theme.
const deep: Code[] = [
  c(1, 0, 'Delivering the service', 'How the service is delivered.', true),
  c(2, 1, 'Adaptable', 'Fits around the person.', true),
  c(3, 2, 'Flexible hours', 'Evening or weekend sessions.'),
  c(4, 2, 'Home visits', 'Seen at home when they cannot travel.'),
  c(5, 1, 'Waiting', 'Time before the first appointment.'),
  c(6, 0, 'Outcomes', 'What changed for the person.', false),
  c(7, 6, 'Café culture', 'Meeting people over coffee.'),
];

/** The tree as indented names, to compare shapes at a glance. */
function shape(nodes: CodeNode[]): string[] {
  return flatten(nodes).map((n) => `${'  '.repeat(n.depth)}${n.code.name}`);
}

describe('buildTree', () => {
  it('nests codes at any depth in their order among siblings', () => {
    expect(shape(buildTree(deep))).toEqual([
      'Delivering the service',
      '  Adaptable',
      '    Flexible hours',
      '    Home visits',
      '  Waiting',
      'Outcomes',
      '  Café culture',
    ]);
  });

  it('puts a code whose parent is missing at the top level, and survives a cycle', () => {
    const odd = [c(1, 99, 'Orphan'), c(2, 3, 'Ping'), c(3, 2, 'Pong'), c(4, 4, 'Own parent')];
    const names = flatten(buildTree(odd)).map((n) => n.code.name);
    expect(names.sort()).toEqual(['Orphan', 'Own parent', 'Ping', 'Pong']);
    expect(buildTree(odd).find((n) => n.code.name === 'Orphan')?.depth).toBe(0);
  });
});

describe('filterTree', () => {
  const tree = buildTree(deep);

  it('keeps every ancestor of a match and nothing beside it', () => {
    expect(shape(filterTree(tree, 'home'))).toEqual(['Delivering the service', '  Adaptable', '    Home visits']);
  });

  it('matches definitions too, case and accents aside', () => {
    expect(shape(filterTree(tree, 'WEEKEND'))).toEqual(['Delivering the service', '  Adaptable', '    Flexible hours']);
    expect(shape(filterTree(tree, 'cafe'))).toEqual(['Outcomes', '  Café culture']);
  });

  it('keeps the codes of a matching theme', () => {
    expect(shape(filterTree(tree, 'adaptable'))).toEqual([
      'Delivering the service',
      '  Adaptable',
      '    Flexible hours',
      '    Home visits',
    ]);
  });

  it('keeps everything for an empty query and nothing for one without a match', () => {
    expect(shape(filterTree(tree, '  '))).toEqual(shape(tree));
    expect(filterTree(tree, 'zebra')).toEqual([]);
  });
});

describe('inVivoName', () => {
  const doc = docView();
  const span = (from: string, to: string) => ({ start: doc.text.indexOf(from), end: doc.text.indexOf(to) + to.length });

  it('is the selected words without the punctuation around them', () => {
    expect(inVivoName(doc, span('I go', 'Tuesdays.'))).toBe('I go to the garden on Tuesdays');
    expect(inVivoName(doc, span('— I', 'garden'))).toBe('I go to the garden');
  });

  it('leaves out the speaker label of a selection across turns', () => {
    expect(inVivoName(doc, span('you?', 'Calmer'))).toBe('you? 😀 Calmer');
  });

  it('cuts a long selection at a word boundary', () => {
    const long = { text: 'I just felt like somebody was finally listening to me properly for once', turns: [] };
    const name = inVivoName(long, { start: 0, end: long.text.length });
    expect(name).toBe('I just felt like somebody was finally');
    expect(name.length).toBeLessThanOrEqual(IN_VIVO_MAX);
    const word = { text: 'a'.repeat(60), turns: [] };
    expect(inVivoName(word, { start: 0, end: 60 })).toHaveLength(IN_VIVO_MAX);
  });
});

describe('inVivoName of a sloppy drag', () => {
  it('names whole words when the selection starts or ends inside one', () => {
    const doc = { text: "Yes. I'm a commissioning manager for mental health.", turns: [] };
    const from = doc.text.indexOf("'m");
    const to = doc.text.indexOf('mental') + 1;
    expect(inVivoName(doc, { start: from, end: to })).toBe("I'm a commissioning manager for mental");
    // ending at a word's end or on a space takes nothing more
    expect(inVivoName(doc, { start: doc.text.indexOf('a comm'), end: doc.text.indexOf(' for') })).toBe('a commissioning manager');
  });
});

describe('codeGroups', () => {
  const lone = (id: number, name: string) => code({ id, parent: 0, name, definition: '', color: '#000000', key: '', codable: true });

  it('has each code without a factor stand alone, or with loneTogether share one group where the first stands', () => {
    const list = [lone(30, 'Other'), ...codes, lone(31, 'Else')];
    const shape = (together: boolean) => codeGroups(list, together).map((g) => [g.factor?.name ?? null, g.codes.map((c) => c.id)]);
    expect(shape(false)).toEqual([
      [null, [30]],
      ['Emotional well-being', [11, 12]],
      ['Social well-being', [21]],
      [null, [31]],
    ]);
    expect(shape(true)).toEqual([
      [null, [30, 31]],
      ['Emotional well-being', [11, 12]],
      ['Social well-being', [21]],
    ]);
  });
});
