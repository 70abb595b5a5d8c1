import { describe, expect, it } from 'vitest';
import { adjudicationRefusal, blindOffMessage, names } from '../blind';
import { aisha, ben, consensusLayer } from './fixtures';

describe('blindOffMessage', () => {
  it('names the coders who will see each other, leaving out consensus layers', () => {
    const [seeing, settling] = blindOffMessage([aisha, ben, consensusLayer], aisha);
    expect(seeing).toBe(
      'Aisha and Ben will see each other’s coding in the reader, search, quotes and themes; Review opens, listing their disagreements passage by passage.',
    );
    expect(settling).toContain('except a pair Aisha coded, which only an adjudicator Aisha names may settle');
  });

  it('says who settles when an adjudicator is named', () => {
    const chen = { id: 4, name: 'Chen', consensus: false };
    const [seeing, settling] = blindOffMessage([aisha, ben, chen], aisha, chen);
    expect(seeing).toMatch(/^Aisha, Ben and Chen will see/);
    expect(settling).toBe('Disagreements are settled by Aisha (the lead) or Chen (the adjudicator), never by either coder of the pair.');
  });

  it('joins names as a sentence does', () => {
    expect(names([])).toBe('');
    expect(names(['A'])).toBe('A');
    expect(names(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('adjudicationRefusal', () => {
  const chen = { id: 4, name: 'Chen', consensus: false };
  const dana = { id: 5, name: 'Dana', consensus: false };
  it.each([
    ['a coder of the pair', ben, undefined, /^You coded one of these two layers \(Aisha and Ben\)\. Adjudication belongs to Aisha/],
    ['the lead of her own pair, nobody named', aisha, undefined, /you cannot settle them: name an adjudicator/],
    ['the lead of her own pair, Chen named', aisha, chen, /Chen, the adjudicator you named, settles them/],
    ['the named adjudicator', chen, chen, /^$/],
    ['someone else', dana, chen, /^Adjudication belongs to Aisha \(the lead\) or Chen \(the adjudicator\)\. You can read/],
  ])('%s', (_, current, adjudicator, want) => {
    expect(adjudicationRefusal(current, aisha, adjudicator, aisha, ben)).toMatch(want);
  });

  it('lets the lead settle a pair she did not code', () => {
    expect(adjudicationRefusal(aisha, aisha, undefined, ben, chen)).toBe('');
  });
});
