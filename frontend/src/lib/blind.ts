// What blind mode lets whom see, in words for the lead's confirmation.

import type { Coder } from './types';

/** "Aisha", "Aisha and Ben", "Aisha, Ben and Chen" */
export function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/**
 * What turning blind mode off changes, for the confirmation the lead sees:
 * who will then see whose coding and where, and who may adjudicate.
 */
export function blindOffMessage(coders: Coder[], lead: Coder, adjudicator?: Coder): string[] {
  const people = coders.filter((c) => !c.consensus).map((c) => c.name);
  const seeing =
    people.length >= 2
      ? `${names(people)} will see each other’s coding in the reader, search, quotes and themes; Review opens, listing their disagreements passage by passage.`
      : 'Every coder will see everyone’s coding in the reader, search, quotes and themes; Review opens.';
  const settling = adjudicator
    ? `Disagreements are settled by ${lead.name} (the lead) or ${adjudicator.name} (the adjudicator), never by either coder of the pair.`
    : `Disagreements are settled by ${lead.name} (the lead), except a pair ${lead.name} coded, which only an adjudicator ${lead.name} names may settle.`;
  return [seeing, settling, 'Coding that is still going on will no longer be independent. The change is recorded in the project’s history.'];
}

/**
 * Why `current` may not settle the disagreements of coders a and b, or ""
 * when they may: adjudication belongs to the lead or the adjudicator the
 * lead names, never to either coder of the pair (so a pair the lead coded
 * is only the named adjudicator's). The backend refuses the same; this
 * says so before anyone tries.
 */
export function adjudicationRefusal(current: Coder | null, lead: Coder, adjudicator: Coder | undefined, a: Coder, b: Coder): string {
  if (!current) return 'Choose who is coding first.';
  const pair = `${a.name} and ${b.name}`;
  if (current.id === a.id || current.id === b.id) {
    if (current.id === lead.id) {
      return adjudicator && adjudicator.id !== a.id && adjudicator.id !== b.id
        ? `You coded one of these two layers (${pair}), so ${adjudicator.name}, the adjudicator you named, settles them, not you.`
        : `You coded one of these two layers (${pair}), so you cannot settle them: name an adjudicator who is neither coder.`;
    }
    return `You coded one of these two layers (${pair}). Adjudication belongs to ${lead.name} (the lead) or an adjudicator the lead names, never to either coder.`;
  }
  if (current.id === lead.id || current.id === adjudicator?.id) return '';
  return `Adjudication belongs to ${lead.name} (the lead)${adjudicator ? ` or ${adjudicator.name} (the adjudicator)` : ''}. You can read the disagreements but not settle them.`;
}
